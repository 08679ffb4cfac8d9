"""`make run` tells a first-time user what it is doing while it installs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

# Stands in for python3: `-m venv DIR` makes a venv whose pip and jianfu only say they ran,
# so the test runs the Makefile's real recipe in a second, offline.
FAKE_PYTHON = """#!/bin/sh
venv="$3"
mkdir -p "$venv/bin"
printf '#!/bin/sh\\necho "(pip $*)"\\n' > "$venv/bin/pip"
printf '#!/bin/sh\\necho "(jianfu $*)"\\n' > "$venv/bin/jianfu"
chmod +x "$venv/bin/pip" "$venv/bin/jianfu"
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_announces_each_install_step(tmp_path: Path) -> None:
    """Before each slow step a line says what is happening; then the chat starts."""
    python = tmp_path / "python3"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "TELEGRAM_"))}
    run = subprocess.run(
        ["make", "--no-print-directory", "run", f"PYTHON={python}", f"VENV={tmp_path / 'venv'}"],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("jianfu: setting up") and "minute" in lines[0]
    install = lines.index("(pip install --quiet -e .[dev])")
    assert lines[install - 1].startswith("jianfu: [3/3] installing jianfu-bot")
    assert lines[-1] == "(jianfu chat)"
    assert not any(line.startswith(str(python)) for line in lines)  # no bare commands echoed
