"""Version 2: the built-in activity kind catalogue, from db/seed/activity_kinds.json."""

import json
from pathlib import Path


def upgrade(db, seed_dir: Path) -> None:
    kinds = json.loads((seed_dir / "activity_kinds.json").read_text(encoding="utf-8"))
    for order, kind in enumerate(kinds):
        p = db.param
        db.execute_sql(
            "INSERT INTO activity_kind (code, name_zh, name_en, unit_zh, unit_en, builtin, active, sort_order) "
            f"SELECT {p}, {p}, {p}, {p}, {p}, TRUE, TRUE, {p} "
            f"WHERE NOT EXISTS (SELECT 1 FROM activity_kind WHERE code = {p})",
            (kind["code"], kind["name_zh"], kind["name_en"], kind["unit_zh"], kind["unit_en"], order, kind["code"]),
        )
