"""The main window's sections, each built the first time it is needed.

Start-up builds only the page shown first; the other sections' modules (and the report, Excel
and chart libraries behind them) are imported when the user first goes to one, or when a
search result or a link needs it. A page not yet built holds an empty widget in the stack.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import cast

from PySide6.QtWidgets import QStackedWidget, QWidget

from cs360desk.ui.common.read_only_mode import ReadOnlyGuard
from cs360desk.ui.common.sections import RecordOpener, Section, SectionContext, SectionSpec


@dataclass(frozen=True)
class Deferred:
    """A section's controller class named by module, imported when the section is built."""

    module: str
    name: str

    def __call__(self, context: SectionContext) -> Section:
        controller = getattr(importlib.import_module(self.module), self.name)
        return cast(Section, controller(context))


class SectionPages(Mapping[str, Section]):
    """Sections by title, in sidebar order; looking one up builds it if it is not built yet.

    `on_built(index, section)` runs once per section, right after its page joins the stack.
    """

    def __init__(
        self,
        specs: tuple[SectionSpec, ...],
        context: SectionContext,
        pages: QStackedWidget,
        on_built: Callable[[int, Section], None],
    ) -> None:
        self._specs = specs
        self._context = context
        self._pages = pages
        self._on_built = on_built
        self._built: dict[int, Section] = {}
        self._index = {spec.title: index for index, spec in enumerate(specs)}
        self._openers = {kind: index for index, spec in enumerate(specs) for kind in spec.opens}

    def __getitem__(self, title: str) -> Section:
        return self.at(self._index[title])

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._specs)

    def index(self, title: str) -> int:
        return self._index[title]

    def at(self, index: int) -> Section:
        """The section at this sidebar position, built now if it was not."""
        if index not in self._built:
            spec = self._specs[index]
            section = spec.build(self._context)
            self._built[index] = section
            self._place(index, section.view)
            if self._context.read_only:  # sections that only show mark what keeps working
                ReadOnlyGuard(section.view)
            self._on_built(index, section)
        return self._built[index]

    def built(self) -> list[Section]:
        """The sections built so far, in sidebar order; the others have nothing to update."""
        return [self._built[index] for index in sorted(self._built)]

    def is_built(self, index: int) -> bool:
        return index in self._built

    def opener(self, kind: str) -> tuple[int, RecordOpener] | None:
        """The section that shows records of this kind, built now if it was not."""
        if kind not in self._openers:
            return None
        index = self._openers[kind]
        return index, cast(RecordOpener, self.at(index))

    def _place(self, index: int, view: QWidget) -> None:
        pages = self._pages
        shown = pages.currentIndex()
        empty = pages.widget(index)
        pages.insertWidget(index, view)
        if empty is not None:  # every section has its empty page until it is built
            pages.removeWidget(empty)
            empty.deleteLater()
        if shown == index:
            pages.setCurrentIndex(index)
