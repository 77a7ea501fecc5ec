"""The monthly report's 图表 sheet: the dashboard's coverage and trend charts, each on a printed page of its own.

The pictures are drawn by the dashboard's own builders at 200 dpi and sized to an A4 landscape page
below the sheet's title rows. When they cannot be drawn (no Chinese font, a failing chart), a note
says so and the native index chart, which the office program draws itself, takes their place, so
each chart is printed once.
"""

from __future__ import annotations

import logging

from outreach_desk.i18n import translate
from outreach_desk.services.coverage import periods
from outreach_desk.services.excel.report_form import PRINTABLE_HEIGHT, PRINTABLE_WIDTH, SheetForm

log = logging.getLogger(__name__)
PICTURE_DPI = 200
SCREEN_DPI = 96          # a picture's shown size: the figure's inches at Excel's 96 pixels per inch
ROW_PIXELS = 20          # a default row (15 pt)
PAGE_HEIGHT = PRINTABLE_HEIGHT - 62   # less the title rows, in points
MAX_WIDTH = PRINTABLE_WIDTH * 0.95 * SCREEN_DPI / 72    # pixels
MAX_HEIGHT = PAGE_HEIGHT * 0.95 * SCREEN_DPI / 72
FIRST_ROW = 4


def _tr(text: str) -> str:
    return translate("ExcelReport", text)


def write(form: SheetForm, result, township_id: int | None, index_series) -> None:
    """Fill the chart sheet ``form``; ``index_series`` is (sheet, value column, name column, first row, last row)
    of the index per village on the summary sheet, for the native chart."""
    from outreach_desk.services.charts import fonts

    if not result.villages:
        _note(form, _tr("No village is recorded: there is nothing to chart."))
        return
    if not fonts.has_chinese():
        _note(form, _tr("The dashboard's charts are left out: this computer has no Chinese font to write them "
                        "with; install one (Microsoft YaHei or Noto Sans CJK, for example) and make the report "
                        "again."))
        _native_chart(form, *index_series)
        return
    try:
        pictures = _pictures(result, township_id)
    except Exception:   # a chart must never cost the clerk the report
        log.exception("The report's charts could not be drawn")
        _note(form, _tr("The dashboard's charts could not be drawn; the tables are complete."))
        _native_chart(form, *index_series)
        return
    _place(form, pictures)


def _place(form: SheetForm, pictures) -> None:
    from io import BytesIO

    from openpyxl.drawing.image import Image

    row = FIRST_ROW
    for number, (png, (width, height)) in enumerate(pictures):
        picture = Image(BytesIO(png))
        shrink = min(MAX_WIDTH / (width * SCREEN_DPI), MAX_HEIGHT / (height * SCREEN_DPI))
        picture.width, picture.height = round(width * SCREEN_DPI * shrink), round(height * SCREEN_DPI * shrink)
        picture.anchor = f"A{row}"
        if number:
            _new_page_at(form, row)
        form.sheet.add_image(picture)
        row += round(picture.height / ROW_PIXELS) + 2


def _new_page_at(form: SheetForm, row: int) -> None:
    """Printing starts a new page at ``row``, so each chart has its page."""
    from openpyxl.worksheet.pagebreak import Break

    form.sheet.row_breaks.append(Break(id=row - 1))


def _pictures(result, township_id: int | None) -> list[tuple[bytes, tuple[float, float]]]:
    """PNG data and size in inches of the coverage chart (the month) and the trend chart (campaign to date)."""
    from outreach_desk.services import dashboard
    from outreach_desk.services.charts import export, figures

    campaign = result.campaign
    period = result.period
    trend_period = periods.date_range(min(campaign.start, period.start), period.end)
    titles = {key: translate("Charts", title) for key, title, _builder in figures.CHARTS}
    caption = _tr("{chart} ({period})")
    built = [
        figures.coverage_bar(dashboard.village_scores(result), dashboard.LAG_THRESHOLD,
                             title=caption.format(chart=titles["coverage"], period=period.label)),
        figures.trend_chart(dashboard.monthly_trend(trend_period, township_id),
                            title=caption.format(chart=titles["trend"], period=trend_period.label)),
    ]
    return [(export.png_bytes(figure, PICTURE_DPI), tuple(figure.get_size_inches())) for figure in built]


def _native_chart(form: SheetForm, sheet, value_column: int, name_column: int, first_row: int,
                  last_row: int) -> None:
    """The index per village (``value_column``, names in ``name_column``; 1-based) as the office's own chart."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "col"
    chart.title = _tr("Compliance index by village")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorGridlines = None
    chart.legend = None
    chart.add_data(Reference(sheet, min_col=value_column, min_row=first_row - 1, max_row=last_row),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=name_column, min_row=first_row, max_row=last_row))
    chart.width, chart.height = 26, 13   # centimetres: the page's width less its margins, and the title rows
    form.sheet.add_chart(chart, f"A{form.row + 2}")


def _note(form: SheetForm, text: str) -> None:
    form.finish(text)
