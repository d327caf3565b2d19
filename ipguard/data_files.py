"""Where ipguard's data files are: product parameters, regulation defaults,
translations, icons and templates (the folder ``resources/`` of the source tree).

The same files are found three ways, and every caller goes through
:func:`resource_path` so none of them needs to know which:

* a source checkout (editable install, or ``PYTHONPATH`` at the tree): the
  ``resources/`` folder beside the ``ipguard`` package;
* an installed wheel: the package ``ipguard.resources`` (pyproject.toml maps the
  folder onto it), read through :mod:`importlib.resources`;
* the PyInstaller bundle: ``resources/`` in the bundle's data folder.
"""

from __future__ import annotations

import functools
import importlib.resources
import sys
from pathlib import Path


@functools.cache
def resource_root() -> Path:
    """The folder holding ``regulation.toml``, ``products/``, ``i18n/``, ``icons/``, ``templates/``."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    source = Path(__file__).resolve().parent.parent / "resources"
    if (source / "regulation.toml").is_file() and (source / "products").is_dir():
        return source
    # An installed wheel keeps the files inside the package, unzipped, so this is a real folder.
    return Path(str(importlib.resources.files("ipguard.resources")))


def resource_path(*parts: str) -> Path:
    """A file or folder below :func:`resource_root`, e.g. ``resource_path("products", "kuaiyidai.toml")``."""
    return resource_root().joinpath(*parts)
