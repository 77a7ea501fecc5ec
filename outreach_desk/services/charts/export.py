"""Saving a chart as a file for a slide or a WeChat group: PNG (200 dpi and up), SVG or PDF.

The file is written next to its target under a temporary name and moved over it only when
complete (:func:`safe_files.replacing`), so a failed export never leaves half a picture behind, and
a planted link or the open database's name is refused.
"""

from __future__ import annotations

import io
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services import safe_files
from outreach_desk.services.errors import ServiceError

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MIN_DPI = 200


def _tr(text: str) -> str:
    return translate("Charts", text)


def save_figure(figure, path: str | Path, dpi: int = MIN_DPI) -> Path:
    """Write ``figure`` to ``path`` in the format its suffix names; return the path."""
    target = Path(path)
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        raise ServiceError(_tr("A chart can be saved as PNG, SVG or PDF; \"{name}\" is none of these.").format(
            name=target.name))
    try:
        with safe_files.replacing(target) as stream:  # never through a planted link, nor over the database
            figure.savefig(stream, format=kind, dpi=max(dpi, MIN_DPI), facecolor="white")
    except OSError as error:
        raise ServiceError(safe_files.explain_os_error(error, target)) from error
    return target


def png_bytes(figure, dpi: int = MIN_DPI) -> bytes:
    """The figure as PNG data (for the monthly report's pictures)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()
