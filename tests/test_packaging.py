"""A non-editable install carries everything the program reads at run time, and the README tells the truth.

The wheel is built with hatchling from this checkout; the installed program is then started from
a virtual environment of its own, away from the checkout, so only what the wheel carries is found.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_COMMAND = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/outreach-desk --demo"
TEST_COMMAND = ("python3 -m venv .venv && .venv/bin/pip install '.[test]' && "
                "QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
                   cwd=ROOT, check=True, capture_output=True, text=True)
    (built,) = out.glob("outreach_desk-*.whl")
    return built


def shipped_files(folder: str) -> set[str]:
    """Files of the checkout that must reach the installed package (no caches)."""
    base = ROOT / folder
    return {p.relative_to(ROOT).as_posix() for p in base.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def test_wheel_carries_migrations_seed_data_and_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {n.removeprefix("outreach_desk/_data/") for n in names if n.startswith("outreach_desk/_data/")}
    for required in ("db/migrations", "db/seed"):
        expected = shipped_files(required)
        assert expected, f"nothing under {required}?"
        assert expected <= data, f"missing from the wheel: {sorted(expected - data)}"
    assert any(re.fullmatch(r"db/migrations/\d{4}_\w+\.sql", n) for n in data)
    assert any(n.startswith("db/seed/") and n.endswith(".json") for n in data)
    assert "resources/translations/outreach_desk_zh_CN.qm" in data
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "outreach_desk").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert modules <= names, f"modules missing from the wheel: {sorted(modules - names)}"
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]
    assert not [n for n in names if n.endswith((".db", ".db-wal"))], "no database files in the wheel"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "outreach-desk = outreach_desk.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme.count(DEMO_COMMAND) == 2 and readme.count(TEST_COMMAND) == 2  # Chinese and English
    assert TEST_COMMAND in [line.strip() for line in ci.splitlines()]
    assert (ROOT / "resources" / "screenshots" / "main-window.png").is_file()


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed (no index: its dependencies come from this interpreter)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "--quiet", str(wheel)], check=True)
    # Only now (pip would take a copy installed in this interpreter for the wheel): the dependencies,
    # appended after the venv's own site-packages, so the installed copy of outreach_desk wins.
    here = [p for p in sys.path if ("site-packages" in p or "dist-packages" in p) and Path(p).is_dir()]
    (site / "zz_dependencies.pth").write_text("\n".join(here) + "\n", encoding="utf-8")
    return bin_dir


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", OUTREACH_DESK_HOME=str(tmp_path / "家目录"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), MPLCONFIGDIR=str(tmp_path / "mpl"))
    return env


def test_installed_program_finds_its_data_and_opens(installed, tmp_path):
    python = installed / ("python.exe" if os.name == "nt" else "python")
    env = clean_env(tmp_path)
    probe = subprocess.run(
        [str(python), "-c", "import outreach_desk, outreach_desk.paths as p; "
         "print(outreach_desk.__file__); print(p.db_dir()); print(p.resources_dir())"],
        cwd=tmp_path, env=env, check=True, capture_output=True, text=True).stdout.splitlines()
    package_file, db_dir, resources = (Path(line) for line in probe)
    assert installed.parent in package_file.parents, "imported the checkout instead of the installed package"
    assert ROOT not in db_dir.parents and (db_dir / "migrations").is_dir()
    assert (resources / "translations" / "outreach_desk_zh_CN.qm").is_file()

    script = installed / ("outreach-desk.exe" if os.name == "nt" else "outreach-desk")
    database = tmp_path / "乡镇 台账.db"
    result = subprocess.run([str(script), "--db", str(database), "--smoke"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip().splitlines()[-1]) > 0
    assert database.is_file(), "the smoke run creates and migrates the database"
