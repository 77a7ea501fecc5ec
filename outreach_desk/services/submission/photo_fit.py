"""Scaling the month's photos down until the package fits the office's size limit (e-mail, a portal upload).

No photo is ever left out: when the photos as stored do not fit the bytes left for them, every
photo is re-encoded as a JPEG at the largest of :data:`STEPS` (longest side, quality) at which the
whole set fits; a photo already smaller than its scaled copy stays as it was. When even the smallest
step does not fit, :class:`DoesNotFit` says by how much, and nothing is written.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.safe_files import format_size

#: (longest side in pixels, JPEG quality), largest first
STEPS = ((2560, 85), (2048, 82), (1600, 80), (1280, 76), (1024, 72), (800, 68), (640, 60))
#: photos scaled to choose the first step
SAMPLE = 12

Progress = Callable[[int, int, str], None]


def _tr(text: str) -> str:
    return translate("PhotoFit", text)


class DoesNotFit(ServiceError):
    """The package cannot be brought under the limit; ``over`` is by how many bytes at the smallest step."""

    def __init__(self, message: str, over: int):
        super().__init__(message)
        self.over = over


@dataclass
class Fitted:
    """What to put in the package for each photo: ``scaled`` holds the new JPEG bytes by index."""

    step: tuple[int, int] | None = None
    scaled: dict[int, bytes] = field(default_factory=dict)
    photo_bytes: int = 0


def scaled_copy(path: Path, side: int, quality: int) -> bytes:
    """The picture at ``path`` as a JPEG no larger than ``side`` pixels, turned as the camera was held,
    with its EXIF data (the date it was taken) kept."""
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        if image.format == "JPEG":
            image.draft("RGB", (side, side))
        picture = ImageOps.exif_transpose(image)
        exif = picture.getexif()
        picture.thumbnail((side, side))
        if picture.mode != "RGB":
            picture = picture.convert("RGB")
        out = io.BytesIO()
        picture.save(out, "JPEG", quality=quality, optimize=False, exif=exif.tobytes())
        return out.getvalue()


def _first_step(paths: list[Path], sizes: list[int], budget: int) -> int:
    """The step to try first: the largest at which an evenly spread sample of the photos, scaled, extrapolates
    to within the budget (each step tried on the whole set costs a re-encoding of every photo)."""
    every = max(1, len(paths) // SAMPLE)
    sample = list(range(0, len(paths), every))[:SAMPLE]
    share = sum(sizes) / max(1, sum(sizes[i] for i in sample))
    for number, (side, quality) in enumerate(STEPS):
        estimate = share * sum(min(sizes[i], len(scaled_copy(paths[i], side, quality))) for i in sample)
        if estimate <= budget * 0.97:
            return number
    return len(STEPS) - 1


def fit(paths: list[Path], sizes: list[int], budget: int, limit: int, fixed: int,
        progress: Progress | None = None) -> Fitted:
    """The largest step at which the photos' bytes stay within ``budget`` (none when they fit as they are).

    ``fixed`` is what the rest of the package takes; with ``limit`` it goes into the message when
    nothing fits.
    """
    report = progress or (lambda done, total, text="": None)
    total = sum(sizes)
    if total <= budget:
        return Fitted(None, {}, total)
    last = total
    for step_number, (side, quality) in enumerate(STEPS[_first_step(paths, sizes, budget):]):
        scaled: dict[int, bytes] = {}
        used = 0
        for index, (path, size) in enumerate(zip(paths, sizes)):
            report(step_number * len(paths) + index, len(STEPS) * len(paths),
                   _tr("Scaling the photos down to {side} pixels to fit the size limit…").format(side=side))
            data = scaled_copy(path, side, quality)
            if len(data) < size:
                scaled[index] = data
                used += len(data)
            else:
                used += size
        if used <= budget:
            return Fitted((side, quality), scaled, used)
        last = used
    over = fixed + last - limit
    raise DoesNotFit(_tr("The package does not fit the limit of {limit}: even with every photo scaled down to "
                         "{side} pixels it would be {size}, {over} too much. Raise the limit (in the package window, "
                         "or with --limit-mb) and write the package again.").format(
        limit=format_size(limit), side=STEPS[-1][0], size=format_size(fixed + last), over=format_size(over)), over)
