"""Building blocks the reports are made of: masthead, key numbers, headings, lists, tables."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from reportlab.lib.colors import white
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cs360desk.i18n import N_, _, pgettext
from cs360desk.reports.pdf_common import (
    MUTED,
    NAVY,
    RULE,
    TINT,
    Styles,
    hex_colour,
    markup,
    para,
    safe,
)

# Marked here, translated where printed (a report is written in its own language).
EMPTY_TEXT = N_("None in this period.")
# Room a heading needs below it (itself plus a few table rows) before it may start a page.
HEADING_ROOM = 2.0 * inch
LOGO_BOX = (1.3 * inch, 0.85 * inch)

Cell = Flowable | str
Row = Sequence[Cell]


def edition_label(public: bool) -> str:
    """The masthead's edition: the public handout, or the internal one with contacts."""
    return pgettext("edition", "Public") if public else pgettext("edition", "Internal")


def heading(text: str, styles: Styles, *, room: float = HEADING_ROOM) -> list[Flowable]:
    """A section title that never sits alone at the bottom of a page."""
    return [CondPageBreak(room), markup(safe(text), styles.h1)]


def subheading(text: str, styles: Styles) -> list[Flowable]:
    return [CondPageBreak(0.9 * inch), para(text, styles.h2)]


def empty_note(styles: Styles, text: str | None = None) -> Paragraph:
    """What an empty section says: `text`, already translated, or "None in this period."."""
    return para(_(EMPTY_TEXT) if text is None else text, styles.empty)


def bullets(texts: Sequence[str], styles: Styles, *, empty: str | None = None) -> list[Flowable]:
    if not texts:
        return [empty_note(styles, empty)]
    return [Paragraph(safe(text), styles.bullet, bulletText="•") for text in texts]


def _logo(logo: bytes | None) -> Flowable | None:
    """The agency's logo scaled into its box; an unreadable image is left out, not fatal."""
    if not logo:
        return None
    try:
        image = Image(BytesIO(logo))
        width, height = image.imageWidth, image.imageHeight
    except Exception:  # any decoder error: the report matters more than the logo
        return None
    if not width or not height:
        return None
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    image.drawWidth, image.drawHeight = width * scale, height * scale
    image.hAlign = "RIGHT"
    return image


def masthead(
    *,
    kicker: str,
    title: str,
    subtitle: str,
    facts: Sequence[tuple[str, str]],
    logo: bytes | None,
    styles: Styles,
    width: float,
    fact_widths: Sequence[float] = (),
) -> list[Flowable]:
    """Agency line, report title and subject, then a row of labelled facts under a rule."""
    left: list[Flowable] = [
        para(kicker, styles.kicker),
        Spacer(1, 3),
        para(title, styles.title),
        Spacer(1, 2),
        para(subtitle, styles.subtitle),
    ]
    image = _logo(logo)
    if image is not None:
        top = Table([[left, image]], colWidths=[width - LOGO_BOX[0] - 8, LOGO_BOX[0] + 8])
        top.setStyle(_plain_style(valign="TOP"))
        head: list[Flowable] = [top]
    else:
        head = left
    row = _fact_row(facts, styles, width, fact_widths)
    return [*head, Spacer(1, 10), row, Spacer(1, 4)]


def _fact_row(
    facts: Sequence[tuple[str, str]], styles: Styles, width: float, fractions: Sequence[float]
) -> Table:
    cells = [
        [para(label.upper(), styles.kicker), para(value, styles.small)] for label, value in facts
    ]
    parts = list(fractions) if len(fractions) == len(cells) else [1.0] * len(cells)
    table = Table([cells], colWidths=[width * part / sum(parts) for part in parts])
    style = _plain_style(valign="TOP")
    style.add("LINEABOVE", (0, 0), (-1, 0), 1.2, NAVY)
    style.add("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE)
    style.add("TOPPADDING", (0, 0), (-1, -1), 6)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 7)
    style.add("RIGHTPADDING", (0, 0), (-1, -1), 8)
    table.setStyle(style)
    return table


def key_numbers(tiles: Sequence[tuple[str, str]], styles: Styles, width: float) -> Table:
    """Big figures with a short label under each, on one tinted band."""
    cells = [
        [markup(value, styles.number), para(label, styles.number_label)] for value, label in tiles
    ]
    count = max(1, len(cells))
    table = Table([cells], colWidths=[width / count] * count)
    style = _plain_style(valign="TOP")
    style.add("BACKGROUND", (0, 0), (-1, -1), TINT)
    style.add("LINEAFTER", (0, 0), (-2, -1), 1.5, white)
    style.add("TOPPADDING", (0, 0), (-1, -1), 9)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 10)
    style.add("LEFTPADDING", (0, 0), (-1, -1), 10)
    style.add("RIGHTPADDING", (0, 0), (-1, -1), 6)
    table.setStyle(style)
    return table


def data_table(
    header: Sequence[str],
    rows: Sequence[Row],
    fractions: Sequence[float],
    styles: Styles,
    width: float,
    *,
    right_columns: Sequence[int] = (),
) -> Table:
    """A ruled table whose header repeats on every page and whose rows may split."""
    head = [
        para(text, styles.head_right if column in right_columns else styles.head_cell)
        for column, text in enumerate(header)
    ]
    total = sum(fractions)
    table = Table(
        [head, *[list(row) for row in rows]],
        colWidths=[width * part / total for part in fractions],
        repeatRows=1,
        splitInRow=1,
    )
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, NAVY),
            ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
            # Plain-string cells (dates, numbers, labels: nothing to wrap) skip Paragraph's
            # markup parsing and line breaking, the bulk of a long table's cost.
            ("FONTNAME", (0, 1), (-1, -1), styles.cell.fontName),
            ("FONTSIZE", (0, 1), (-1, -1), styles.cell.fontSize),
            ("LEADING", (0, 1), (-1, -1), styles.cell.leading),
            ("TEXTCOLOR", (0, 1), (-1, -1), styles.cell.textColor),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    for column in right_columns:
        style.add("ALIGN", (column, 0), (column, -1), "RIGHT")
    table.setStyle(style)
    return table


def table_or_empty(
    header: Sequence[str],
    rows: Sequence[Row],
    fractions: Sequence[float],
    styles: Styles,
    width: float,
    *,
    empty: str | None = None,
    right_columns: Sequence[int] = (),
) -> Flowable:
    if not rows:
        return empty_note(styles, empty)
    return data_table(header, rows, fractions, styles, width, right_columns=right_columns)


def cell(text: str, styles: Styles, *, detail: str = "") -> Flowable:
    """A wrapping cell of user text, with an optional grey second line."""
    if not detail:
        return para(text, styles.cell)
    return markup(
        f"{safe(text)}<br/><font size=7.5 color='{hex_colour(MUTED)}'>{safe(detail)}</font>",
        styles.cell,
    )


def together(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def rule(width: float = 1.0) -> HRFlowable:
    return HRFlowable(width="100%", thickness=width, color=RULE, spaceBefore=4, spaceAfter=6)


def _plain_style(*, valign: str) -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
