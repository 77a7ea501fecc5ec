"""Saving a chart as a file for a slide or a WeChat group: PNG (200 dpi and up), SVG or PDF.

The file is written next to its target under a temporary name and moved over it only when
complete, so a failed export never leaves half a picture behind.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from outreach_desk.i18n import translate
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
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".chart-", suffix=target.suffix, dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            figure.savefig(stream, format=kind, dpi=max(dpi, MIN_DPI), facecolor="white")
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise ServiceError(_tr("The chart could not be saved to {path}: {error}").format(
            path=target, error=error.strerror or error)) from error
    except BaseException:
        _remove(temporary)
        raise
    return target


def png_bytes(figure, dpi: int = MIN_DPI) -> bytes:
    """The figure as PNG data (for the monthly report's pictures)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def _remove(path: str | None) -> None:
    if path is None:
        return
    try:
        os.unlink(path)
    except OSError:
        pass
