"""The bulletin as a Word document laid out after GB/T 9704 (party and government official documents).

A4 with the standard margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the issuing
office in red over a red rule, the document number, the title in a 小标宋-style font at 2号
(22 pt), the body in 仿宋 at 3号 (16 pt) on a fixed 29 pt line (22 lines a page), headings in
黑体, the ranking as a table, the office and date at the end, and "— n —" page numbers. Chinese
text takes its font from ``w:rFonts/@w:eastAsia``, which python-docx has no property for, so it
is set on the XML (see ``document_fonts`` for which fonts are named). The file is written beside
the target and renamed when complete.
"""

from __future__ import annotations

from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError
from outreach_desk.services.supervision import document_fonts
from outreach_desk.services.supervision.bulletin import Bulletin, chinese_date

TITLE_PT = 22  # 2号
BODY_PT = 16  # 3号
TABLE_PT = 12  # 小四
PAGE_NUMBER_PT = 14  # 4号
LINE_PT = 29
RED = "FF0000"
#: what follows w:pBdr inside w:pPr (the schema fixes the order; Word refuses a file out of order)
PPR_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _tr(text: str) -> str:
    return translate("BulletinDocument", text)


class BulletinWriteError(ServiceError):
    pass


def _fonts() -> dict[str, str]:
    return {"title": document_fonts.choose(document_fonts.TITLE), "body": document_fonts.choose(document_fonts.BODY),
            "heading": document_fonts.choose(document_fonts.HEADING),
            "page": document_fonts.choose(document_fonts.PAGE_NUMBER)}


def set_run_font(run, name: str, size_pt: float, *, bold: bool = False, colour: str | None = None) -> None:
    """Latin and East Asian font of one run (python-docx sets only the Latin slots)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run.font.name = name
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    fonts = run.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _style_fonts(style, name: str, size_pt: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = name
    style.font.size = Pt(size_pt)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(document, text: str, font: str, size_pt: float, *, align=None, indent: bool = True,
               bold: bool = False, colour: str | None = None, line_pt: float | None = LINE_PT):
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    form = paragraph.paragraph_format
    if line_pt:
        from docx.enum.text import WD_LINE_SPACING

        form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        form.line_spacing = Pt(line_pt)
    form.space_before = Pt(0)
    form.space_after = Pt(0)
    if indent:
        form.first_line_indent = Pt(size_pt * 2)
    if align is not None:
        paragraph.alignment = align
    set_run_font(paragraph.add_run(text), font, size_pt, bold=bold, colour=colour)
    return paragraph


def _element_of(paragraph):
    """The w:p of a paragraph holding a run, reached through the run's public ``element``."""
    return paragraph.runs[0].element.getparent()


def _red_rule(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "6"), ("w:color", RED)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _element_of(paragraph).get_or_add_pPr().insert_element_before(borders, *PPR_AFTER_BORDERS)


def _page_number_footer(section, font: str) -> None:
    """"— PAGE —" centred in the footer, as a field Word and WPS update."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(paragraph.add_run("— "), font, PAGE_NUMBER_PT)
    run = paragraph.add_run()
    set_run_font(run, font, PAGE_NUMBER_PT)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run.element.append(element)
    set_run_font(paragraph.add_run(" —"), font, PAGE_NUMBER_PT)


def build_document(bulletin: Bulletin, letterhead: bool = True):
    """The python-docx Document of ``bulletin`` (not saved); without ``letterhead`` (a report upward such as
    the monthly 总结) the red office name, the number and the red rule are left out."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    fonts = _fonts()
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)
    _style_fonts(document.styles["Normal"], fonts["body"], BODY_PT)
    centre, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT

    if letterhead:
        _paragraph(document, bulletin.office, fonts["title"], 26, align=centre, indent=False, colour=RED,
                   line_pt=None)
        rule = _paragraph(document, bulletin.number, fonts["body"], BODY_PT, align=centre, indent=False)
        _red_rule(rule)
        _paragraph(document, "", fonts["body"], BODY_PT, indent=False)
    _paragraph(document, bulletin.title, fonts["title"], TITLE_PT, align=centre, indent=False, line_pt=35)
    _paragraph(document, "", fonts["body"], BODY_PT, indent=False)
    _paragraph(document, bulletin.recipients, fonts["body"], BODY_PT, indent=False)
    for part in bulletin.sections:
        _paragraph(document, part.heading, fonts["heading"], BODY_PT)
        for text in part.paragraphs:
            for line in text.split("\n"):
                if line.strip():
                    _paragraph(document, line.strip(), fonts["body"], BODY_PT)
        if part.table is not None and part.table.rows:
            table = document.add_table(rows=1, cols=len(part.table.headers))
            table.style = document.styles["Table Grid"]
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text in zip(table.rows[0].cells, part.table.headers):
                _cell(cell, text, fonts["heading"], centre)
            for values in part.table.rows:
                for cell, text in zip(table.add_row().cells, values):
                    _cell(cell, text, fonts["body"], centre)
            _repeat_header(table.rows[0].cells[0].paragraphs[0])
    _paragraph(document, "", fonts["body"], BODY_PT, indent=False)
    for text in (bulletin.signature, chinese_date(bulletin.date)):
        signature = _paragraph(document, text, fonts["body"], BODY_PT, align=right, indent=False)
        signature.paragraph_format.right_indent = Pt(BODY_PT * 4)
    _page_number_footer(section, fonts["page"])
    document.core_properties.title = bulletin.title
    document.core_properties.author = bulletin.office
    return document


def _cell(cell, text: str, font: str, align) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = 0
    set_run_font(paragraph.add_run(text), font, TABLE_PT)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _repeat_header(first_cell_paragraph) -> None:
    """Mark the row of ``first_cell_paragraph`` as the table's header, repeated on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row = _element_of(first_cell_paragraph).getparent().getparent()  # w:p -> w:tc -> w:tr
    row.get_or_add_trPr().append(marker)


def write(bulletin: Bulletin, path: str | Path, letterhead: bool = True) -> Path:
    """Write ``bulletin`` to ``path`` (.docx) through a temporary file; a Chinese sentence on failure."""
    from outreach_desk.services import safe_files

    path = Path(path)
    document = build_document(bulletin, letterhead)
    try:
        safe_files.ensure_folder(path.parent)
        with safe_files.replacing(path, "wb", suffix=".docx.partial") as handle:
            document.save(handle)
    except PermissionError:
        raise BulletinWriteError(_tr("{name} cannot be written: it is probably open in Word or WPS. Close it there, "
                                     "or save under another name.").format(name=path.name)) from None
    except OSError as exc:
        raise BulletinWriteError(safe_files.explain_os_error(exc, path)) from None
    return path
