#!/usr/bin/env bash
# Regenerate resources/screenshots/main-window.png: the real window, in Chinese, on a demo township,
# maximised on a virtual screen (Xvfb, through /work/shared/tools/screenshot or $SCREENSHOT_TOOL).
#   build/screenshot.sh [PYTHON]        (default: .venv/bin/python, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-$([[ -x .venv/bin/python ]] && echo .venv/bin/python || echo python3)}
tool=${SCREENSHOT_TOOL:-/work/shared/tools/screenshot}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export OUTREACH_DESK_HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" MPLCONFIGDIR="$scratch/mpl"
database="$scratch/古城乡 演示.db"
QT_QPA_PLATFORM=offscreen "$python" -m outreach_desk --db "$database" demo --scale township --seed 1 >/dev/null
# Fill the virtual screen (there is no window manager to maximise it): save a window geometry of
# the screen's size into the program's own settings, on that same screen, then start the program.
cat > "$scratch/geometry.py" <<'PY'
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow

from outreach_desk.paths import APP_NAME

app = QApplication([])
app.setOrganizationName(APP_NAME)
app.setApplicationName(APP_NAME)
window = QMainWindow()
window.setGeometry(app.primaryScreen().availableGeometry())
window.show()
app.processEvents()
# Without a window manager Qt guesses a title bar; keep the whole window on the screen.
window.setGeometry(window.geometry().adjusted(0, 0, 0, -window.geometry().top()))
app.processEvents()
QSettings().setValue("window/geometry", window.saveGeometry())
QSettings().sync()
PY
mkdir -p resources/screenshots
"$tool" "$scratch/shot.png" 12 -- bash -c '"$0" - < "$1" && exec "$0" -m outreach_desk --db "$2" --lang zh_CN' \
  "$python" "$scratch/geometry.py" "$database"
"$python" - "$scratch/shot.png" resources/screenshots/main-window.png <<'PY'
import sys

from PIL import Image

shot = Image.open(sys.argv[1]).convert("RGB")
box = Image.eval(shot.convert("L"), lambda v: 255 if v > 8 else 0).getbbox()  # drop the empty screen around
shot.crop(box).save(sys.argv[2], optimize=True)
PY
echo "wrote resources/screenshots/main-window.png"
