"""Which Chinese fonts the bulletin names: the official ones where this computer has them.

GB/T 9704 asks for a 小标宋 title, 仿宋 body text and 黑体 headings. Each role has a list of
candidates, official names first; the first one installed here is used (the clerk usually opens
the document on the PC that wrote it). When none is found, or the fonts cannot be listed, the
official name is kept and Word or WPS substitutes its own.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

TITLE = ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "宋体", "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC")
BODY = ("仿宋_GB2312", "仿宋", "FangSong", "华文仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC")
HEADING = ("黑体", "SimHei", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "WenQuanYi Micro Hei")
PAGE_NUMBER = ("宋体", "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC")

#: Windows font files and the family they hold (the Fonts folder is read, not the registry)
WINDOWS_FILES = {
    "fzxbsjw.ttf": "方正小标宋简体", "fzxbsk.ttf": "方正小标宋_GBK", "stzhongs.ttf": "华文中宋",
    "simsun.ttc": "宋体", "simfang.ttf": "仿宋", "fangsong_gb2312.ttf": "仿宋_GB2312", "stfangso.ttf": "华文仿宋",
    "simhei.ttf": "黑体", "msyh.ttc": "微软雅黑",
}


@functools.lru_cache(maxsize=1)
def installed() -> frozenset[str] | None:
    """Families installed here, or None when they cannot be listed."""
    if os.name == "nt":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        try:
            names = {entry.name.lower() for entry in folder.iterdir()}
        except OSError:
            return None
        return frozenset(family for file, family in WINDOWS_FILES.items() if file in names)
    tool = shutil.which("fc-list")
    if tool is None:
        return None
    try:
        output = subprocess.run([tool, ":", "family"], capture_output=True, text=True, timeout=20,
                                encoding="utf-8", errors="replace").stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(name.strip() for line in output.splitlines() for name in line.split(",") if name.strip())


def choose(candidates: tuple[str, ...], families: frozenset[str] | None = None) -> str:
    """The first candidate installed; the first (official) one when none is, or fonts cannot be listed."""
    families = installed() if families is None else families
    if families:
        for name in candidates:
            if name in families:
                return name
    return candidates[0]
