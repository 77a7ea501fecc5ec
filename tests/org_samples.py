"""Filling the organisation workbook the way a clerk does: the program's template, rows typed into its sheets."""

from __future__ import annotations

from pathlib import Path


def fill_org_workbook(template: Path, target: Path, *, township=None, villages=(), sites=(), units=(),
                      extra_headers: dict[str, list[str]] | None = None) -> Path:
    """The template's data rows replaced by the given ones; ``extra_headers`` adds headers after the last column."""
    from openpyxl import load_workbook

    workbook = load_workbook(template)
    for sheet_name, header in (extra_headers or {}).items():
        sheet = workbook[sheet_name]
        for text in header:
            sheet.cell(1, sheet.max_column + 1, text)
    for sheet_name, rows in (("乡镇", [township] if township else []), ("村社区", villages), ("点位", sites),
                             ("成员单位", units)):
        sheet = workbook[sheet_name]
        if sheet.max_row > 1:
            sheet.delete_rows(2, sheet.max_row - 1)
        for offset, row in enumerate(rows):
            for column, value in enumerate(row, 1):
                sheet.cell(2 + offset, column, value)
    workbook.save(target)
    return target


def township_workbook(template: Path, target: Path, villages: int = 3, sites_per_village: int = 2) -> Path:
    """A township of ``villages`` villages with ``sites_per_village`` sites each, two member units, and
    APP registrations handed to every village."""
    village_rows = [[f"第{n}村" if n % 3 else f"第{n}社区", "村" if n % 3 else "社区", 200 + n, 700 + 3 * n, 10 * n]
                    for n in range(1, villages + 1)]
    kinds = ("居民小区", "学校", "工厂/企业", "集贸市场", "公共场所")
    site_rows = []
    for n, village in enumerate(village_rows, 1):
        for m in range(1, sites_per_village + 1):
            kind = kinds[(n + m) % len(kinds)]
            site_rows.append([village[0], f"{village[0]}{kind.split('/')[0]}{m}", kind, 2 + m % 3, m % 2, 40 + m,
                              120 + m, 300 if kind == "学校" else 0, 12 if kind == "学校" else 0])
    return fill_org_workbook(template, target, township=["青石镇", "青石镇综治办", "王五", "赵六"],
                             villages=village_rows, sites=site_rows,
                             units=[["青石派出所", "宣讲、案例通报"], ["青石镇司法所", "法治宣传"]])
