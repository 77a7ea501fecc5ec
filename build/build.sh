#!/usr/bin/env bash
# Build the one-folder program with PyInstaller into build/out/OutreachDesk/ and check that it starts.
#   build/build.sh                      # PYTHON=python3.12 build/build.sh to choose the interpreter
# BUILD_OUT and BUILD_WORK move the output and PyInstaller's scratch folder; the build environment
# (BUILD_VENV, default build/work/venv) is reused by later runs. BUILD_PYTHON names an interpreter whose
# environment already holds the program's requirements and PyInstaller (the test extras' venv): it builds
# with that, installing nothing; the spec takes the program itself from this checkout either way.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
out=${BUILD_OUT:-build/out}
work=${BUILD_WORK:-build/work}
venv=${BUILD_VENV:-build/work/venv}
if [[ -n ${BUILD_PYTHON:-} ]]; then
  builder=$BUILD_PYTHON
else
  [[ -x $venv/bin/python ]] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check . "pyinstaller>=6.10,<7"
  builder=$venv/bin/python
fi
rm -rf "$out/OutreachDesk"
"$builder" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath "$work/pyinstaller" --distpath "$out" build/outreach_desk.spec
# Prove that it starts: open the window offscreen on a scratch database and exit.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
OUTREACH_DESK_HOME="$scratch/home" QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} \
  "$out/OutreachDesk/outreach-desk" --db "$scratch/smoke.db" --smoke >/dev/null
echo "built $out/OutreachDesk ($(du -sh "$out/OutreachDesk" | cut -f1))"
