"""The layer rules of DESIGN.md, checked on every run."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "journal"
HEAVY = ("PySide6", "matplotlib", "numpy", "scipy")


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_only_journal_ui_imports_qt():
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in PACKAGE.rglob("*.py") if "ui" not in path.relative_to(PACKAGE).parts
        for name in _imports(path) if name.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert offenders == []


def test_nothing_uses_pyplot():
    offenders = [f"{path.relative_to(PACKAGE)}: {name}" for path in PACKAGE.rglob("*.py")
                 for name in _imports(path) if name.startswith("matplotlib.pyplot")]
    assert offenders == []


def test_domain_uses_the_standard_library_only():
    allowed = set(sys.stdlib_module_names) | {"journal"}
    offenders = [name for path in (PACKAGE / "domain").rglob("*.py") for name in _imports(path)
                 if name.split(".")[0] not in allowed]
    assert offenders == []


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True,
                            cwd=PACKAGE.parent, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_command_line_stays_light():
    code = ("import sys, journal.cli; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_the_chart_kinds_load_without_matplotlib():
    """The command line offers the chart kinds; it must get them without drawing anything."""
    code = ("import sys, journal.charts.kinds; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
