"""What every PDF shares: embedded fonts, styles, escaping, page furniture, atomic writing."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from cs360desk.domain.enums import PaperSize
from cs360desk.domain.errors import UserFacingError
from cs360desk.i18n import N_, _, language, pgettext
from cs360desk.reports import atomic_write

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "CS360Sans"
FONT_BOLD = "CS360Sans-Bold"
FONT_ITALIC = "CS360Sans-Italic"
FONT_DISPLAY = "CS360Display"
_FONT_FILES = {
    FONT: "DejaVuSansCondensed.ttf",
    FONT_BOLD: "DejaVuSansCondensed-Bold.ttf",
    FONT_ITALIC: "DejaVuSansCondensed-Oblique.ttf",
    FONT_DISPLAY: "DejaVuSans-Bold.ttf",
}

# One restrained palette: navy for structure, grey for what is secondary, red only for late.
NAVY = colors.HexColor("#1F3A5F")
INK = colors.HexColor("#1C1E21")
MUTED = colors.HexColor("#5B6472")
RULE = colors.HexColor("#C9D1DC")
TINT = colors.HexColor("#EEF2F7")
ZEBRA = colors.HexColor("#F7F9FB")
LATE = colors.HexColor("#A8322D")
GOOD = colors.HexColor("#2E6B3A")

MARGIN = 0.75 * inch
FOOTER_GAP = 0.42 * inch
PAGE_SIZES = {PaperSize.LETTER: LETTER, PaperSize.A4: A4}
# Control characters other than tab and newline have no glyph and upset PDF readers.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

Progress = Callable[[int, str], None]


class ReportFileError(UserFacingError):
    """The PDF could not be written where the user asked."""


def register_fonts() -> None:
    """Embeds DejaVu: the built-in PDF fonts cannot print "Nguyễn" or many other names."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, file_name in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file_name)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


def safe(text: str) -> str:
    """User text as Paragraph markup that prints exactly as typed, line breaks kept."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned).replace("\n", "<br/>")


def hex_colour(colour: colors.Color) -> str:
    """ "#1F3A5F", for <font color=...> in our own markup."""
    return "#" + colour.hexval()[2:].upper()


def page_size(paper: PaperSize) -> tuple[float, float]:
    return PAGE_SIZES[paper]


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    kicker: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    indented: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    empty: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_right: ParagraphStyle
    cell_small: ParagraphStyle
    head_cell: ParagraphStyle
    head_right: ParagraphStyle
    bullet: ParagraphStyle
    number: ParagraphStyle
    number_label: ParagraphStyle


def _style(name: str, parent: ParagraphStyle, **look: Any) -> ParagraphStyle:
    return ParagraphStyle(name, parent, **look)


def _text_styles(base: ParagraphStyle) -> dict[str, ParagraphStyle]:
    """Running text, from the title down to the note in an empty section."""
    return {
        "title": _style("title", base, fontName=FONT_DISPLAY, fontSize=22, leading=26,
                        textColor=NAVY),
        "subtitle": _style("subtitle", base, fontName=FONT_BOLD, fontSize=13, leading=17),
        "kicker": _style("kicker", base, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                         textColor=MUTED),
        "h1": _style("h1", base, fontName=FONT_DISPLAY, fontSize=12.5, leading=16,
                     textColor=NAVY, spaceBefore=14, spaceAfter=6),
        "h2": _style("h2", base, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=8,
                     spaceAfter=4),
        "body": _style("body2", base, spaceAfter=4),
        "indented": _style("indented", base, leftIndent=14, spaceAfter=6),
        "small": _style("small", base, fontSize=8.5, leading=11),
        "muted": _style("muted", base, fontSize=8.5, leading=11, textColor=MUTED),
        "empty": _style("empty", base, fontName=FONT_ITALIC, textColor=MUTED, spaceAfter=4,
                        leftIndent=2),
        "bullet": _style("bullet", base, leftIndent=14, bulletIndent=3, spaceAfter=3,
                         bulletFontName=FONT),
        "number": _style("number", base, fontName=FONT_DISPLAY, fontSize=20, leading=23,
                         textColor=NAVY),
        "number_label": _style("number_label", base, fontSize=7.8, leading=9.8,
                               textColor=MUTED),
    }  # fmt: skip


def _cell_styles(base: ParagraphStyle) -> dict[str, ParagraphStyle]:
    """Table cells: a size smaller than the text around them."""
    cell = _style("cell", base, fontSize=8.5, leading=11)
    head = _style("head_cell", cell, fontName=FONT_BOLD, fontSize=7.8, leading=10,
                  textColor=NAVY)  # fmt: skip
    return {
        "cell": cell,
        "cell_bold": _style("cell_bold", cell, fontName=FONT_BOLD),
        "cell_muted": _style("cell_muted", cell, fontSize=7.5, leading=9.5, textColor=MUTED),
        "cell_right": _style("cell_right", cell, alignment=TA_RIGHT),
        "cell_small": _style("cell_small", cell, fontSize=7.8, leading=10.5),
        "head_cell": head,
        "head_right": _style("head_right", head, alignment=TA_RIGHT),
    }


def make_styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)
    return Styles(**_text_styles(base), **_cell_styles(base))


def styles_and_text_width(paper: PaperSize) -> tuple[Styles, float]:
    """What every report starts from: the styles, and the width between the page's margins."""
    return make_styles(), page_size(paper)[0] - 2 * MARGIN


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: escaped, so markup-looking text prints literally."""
    return Paragraph(safe(text), style)


def markup(trusted: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of our own markup; every piece of user text inside went through safe()."""
    return Paragraph(trusted, style)


@dataclass(frozen=True)
class PageFurniture:
    """The running footer: what the report is, who prepared it, and page numbers."""

    left: str
    right: str
    prepared: str


class _NumberedCanvas(Canvas):
    """Holds every page until the end so each can say "Page N of M"."""

    furniture = PageFurniture("", "", "")
    page_width = LETTER[0]

    def __init__(self, filename: str | IO[bytes], *args: Any, **kwargs: Any) -> None:
        super().__init__(filename, *args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        # Canvas's own reset for a new page, without writing the page out yet.
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, furniture = self.page_width, self.furniture
        y = MARGIN - FOOTER_GAP
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, y + 12, width - MARGIN, y + 12)
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        number = _("Page {number} of {total}").format(number=self.getPageNumber(), total=total)
        room = width - 2 * MARGIN
        self.drawString(MARGIN, y, _fit(self, furniture.left, room - self._width(number) - 18))
        self.drawRightString(width - MARGIN, y, number)
        right = _fit(self, furniture.right, room * 0.4)
        prepared_room = room - self._width(right) - 18
        self.drawString(MARGIN, y - 10, _fit(self, furniture.prepared, prepared_room))
        self.drawRightString(width - MARGIN, y - 10, right)
        self.restoreState()

    def _width(self, text: str) -> float:
        return float(self.stringWidth(text, FONT, 7.5))


def _fit(canvas: Canvas, text: str, width: float) -> str:
    """Footer text shortened with an ellipsis: a footer line never runs off the page."""
    text = _CONTROL.sub("", " ".join(text.split()))
    if canvas.stringWidth(text, FONT, 7.5) <= width:
        return text
    while text and canvas.stringWidth(text + "…", FONT, 7.5) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class ReportDocument(BaseDocTemplate):
    """One frame per page inside the margins; reports progress as flowables are laid out."""

    def __init__(
        self, filename: str, paper: PaperSize, *, title: str, author: str, progress: Progress
    ) -> None:
        size = page_size(paper)
        super().__init__(
            filename,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=0.7 * inch,
            bottomMargin=MARGIN,
            title=title,
            author=author,
            creator="CS360 Desk",
            invariant=1,
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._progress = progress
        self._laid_out = 0
        self._story_length = 1

    def lay_out(self, story: Sequence[Flowable], furniture: PageFurniture) -> None:
        self._story_length = max(1, len(story))
        page_width = float(self.pagesize[0])

        class ReportCanvas(_NumberedCanvas):
            pass

        ReportCanvas.furniture = furniture
        ReportCanvas.page_width = page_width
        self.build(list(story), canvasmaker=ReportCanvas)

    def afterFlowable(self, flowable: Flowable) -> None:
        # The callback may raise to cancel: the half-built file is then thrown away.
        self._laid_out += 1
        share = min(1.0, self._laid_out / self._story_length)
        self._progress(
            10 + int(share * 80), _screen_text(N_("Laying out page {number}"), self.page)
        )


def _screen_text(message: str, number: int | None = None) -> str:
    """A progress message for the screens: in their language, whatever the report's."""
    with language(None):
        text = _(message)
    return text if number is None else text.format(number=number)


def _ignore(_percent: int, _message: str) -> None:
    """No one is watching the progress of this report."""


def write_atomically(path: Path | str, build: Callable[[str], None]) -> Path:
    """Builds into a temporary file beside the target, then renames it over the target.

    A failure (or a cancel) never leaves a truncated PDF under the target's name.
    """
    return atomic_write.write_atomically(
        path, lambda scratch: build(str(scratch)), error=ReportFileError
    )


def build_pdf(
    path: Path | str,
    story: Sequence[Flowable],
    paper: PaperSize,
    *,
    title: str,
    author: str,
    furniture: PageFurniture,
    progress: Progress | None = None,
) -> Path:
    """Lays the story out on numbered pages and writes it atomically to `path`."""
    report = progress or _ignore
    report(5, _screen_text(N_("Preparing the report")))

    def build(temp_name: str) -> None:
        document = ReportDocument(temp_name, paper, title=title, author=author, progress=report)
        document.lay_out(story, furniture)

    written = write_atomically(path, build)
    with language(None):
        done = pgettext("progress", "Done")
    report(100, done)
    return written
