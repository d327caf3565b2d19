"""ipguard's data files: product parameters, regulation defaults, translations, icons, templates.

Installed as the package ``ipguard.resources`` (see pyproject.toml's package-dir),
so ``importlib.resources`` finds them in the source tree, a wheel and the bundle.
"""
