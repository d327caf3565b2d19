"""The installed distribution carries everything: every package and every data file.

pyproject.toml lists its packages by hand (the data folder resources/ installs
as ipguard.resources), so a new package that is not listed would be missing
from the wheel; CI also builds the wheel and runs it from a fresh venv.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ipguard.data_files import resource_path, resource_root

ROOT = Path(__file__).resolve().parents[1]


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_is_listed_for_the_wheel() -> None:
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("ipguard", "ui")
        for p in (ROOT / top).rglob("__init__.py")
    }
    listed = set(_config()["packages"])
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
    assert listed - on_disk == {"ipguard.resources"}


def test_every_data_file_matches_a_package_data_pattern() -> None:
    patterns = _config()["package-data"]["ipguard.resources"]
    files = [p for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix not in (".py", ".ts") and "__pycache__" not in p.parts]
    assert files
    missed = [str(p.relative_to(ROOT)) for p in files if not any(p.relative_to(ROOT / "resources").match(pat) for pat in patterns)]
    assert not missed, f"data files that would not be installed: {missed}"


def test_resources_are_found_in_the_source_tree() -> None:
    assert resource_root() == ROOT / "resources"
    assert resource_path("products", "kuaiyidai.toml").is_file()
    assert resource_path("regulation.toml").is_file()


def test_no_tracked_file_names_a_build_machines_path() -> None:
    """Docs and code must not carry a developer's or CI's absolute paths."""
    import re
    import subprocess
    import tempfile

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    # This checkout's own folder and the folder holding it (sibling checkouts, shared notes), whatever
    # machine the test runs on, and the usual home and temporary folders.
    shared = {Path("/"), Path(tempfile.gettempdir()), Path.home().parent}  # folders everybody's paths start with
    here = [re.escape(str(p)) + "/" for p in (ROOT, ROOT.parent) if p not in shared]
    machine = re.compile("|".join([*here, r"/root/", r"/home/[a-z_][\w-]*/", r"/tmp/pytest-of-", r"[A-Z]:\\\\Users\\\\"]))
    hits = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in (".png", ".ico", ".qm", ".xlsx", ".pdf") or not path.is_file() or path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        hits += [f"{name}: {m.group(0)}" for m in machine.finditer(text)]
    assert not hits, hits
