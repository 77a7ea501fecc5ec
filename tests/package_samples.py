"""Photos for the package tests and bench: JPEGs with a camera date in their EXIF, put on records."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

from PIL import Image

_EXIF_IFD, _TAKEN = 0x8769, 36867


def picture(seed: int, size=(64, 48), taken: dt.date | None = None, noise: bool = False) -> bytes:
    """A JPEG unlike any other seed's (noise makes it as incompressible as a phone photo)."""
    if noise:
        image = Image.effect_noise(size, 60 + seed % 40).convert("RGB")
    else:
        rng = random.Random(seed)
        image = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(_EXIF_IFD)[_TAKEN] = f"{taken:%Y:%m:%d} 10:30:00"
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def attach(activity_id: int, folder: Path, pictures: list[bytes], names: list[str] | None = None) -> None:
    """Store the pictures as a clerk's files and put them on the record."""
    from outreach_desk.services import ledger, photos

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, data in enumerate(pictures):
        path = folder / (names[number] if names else f"IMG_{activity_id}_{number}.jpg")
        path.write_bytes(data)
        paths.append(path)
    ledger.attach_photos(activity_id, photos.store_files(paths))


def attach_to_month(start: dt.date, end: dt.date, folder: Path, every: int = 2, per_record: int = 2,
                    size=(64, 48), noise: bool = False) -> int:
    """Photos on every ``every``-th record of [start, end], taken on the record's day; how many were put on."""
    from outreach_desk.store.models import Activity

    records = list(Activity.select(Activity.id, Activity.date).where(Activity.date.between(start, end))
                   .order_by(Activity.id).tuples())
    count = 0
    for number, (activity_id, day) in enumerate(records[::every]):
        pictures = [picture(number * 10 + k, size, day, noise) for k in range(per_record)]
        attach(activity_id, folder / str(activity_id), pictures)
        count += len(pictures)
    return count
