"""Set up and run Jaring with nothing but Python 3.11+: `python3 dev.py app` or `python3 dev.py test`.

Creates `.venv` next to this file on first use, installs the project into it (again only when
pyproject.toml changes), then starts the dashboard or runs the whole test suite.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".jaring-installed"


def ensure_environment() -> None:
    """Create the virtual environment and install the project with its test tools when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under whatever python3 the machine has
        sys.exit(f"Jaring needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("installing Jaring and its dependencies (first run takes a few minutes) ...", flush=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def run_app(extra: list[str]) -> int:
    """Open the dashboard (the demo database is built on first start)."""
    command = [PYTHON, "-m", "streamlit", "run", str(ROOT / "app.py"), *extra]
    return subprocess.call(command, cwd=ROOT)


def run_tests(extra: list[str]) -> int:
    """Run the whole suite; pytest's 'no tests ran' (exit 5) counts as a failure."""
    code = subprocess.call([PYTHON, "-m", "pytest", *extra], cwd=ROOT)
    if code == 5:
        print("error: no tests ran", file=sys.stderr)
        return 1
    return code


def main() -> int:
    commands = {"app": run_app, "test": run_tests}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__.strip())
        return 2
    ensure_environment()
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
