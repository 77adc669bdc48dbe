"""Every question page of the response, in task-list order (see ``base`` for what a page is)."""
from __future__ import annotations

from typing import Any

from responses.ocon9 import Situation

from . import core, hearing, means
from .base import Page, Section

SECTIONS: list[Section] = [*core.SECTIONS, means.SECTION, hearing.SECTION, core.MEDIATION]
PAGES: dict[str, tuple[Section, Page]] = {page.slug: (section, page) for section in SECTIONS for page in section.pages}


def answered(page: Page, data: dict[str, Any]) -> bool:
    return isinstance(data.get(page.slug), dict)


def applicable(situation: Situation) -> list[tuple[Section, list[Page]]]:
    """The sections (and their pages) that the answers so far call for, in order."""
    return [(section, pages) for section in SECTIONS if (pages := section.applicable(situation))]


def next_page(slug: str, situation: Situation) -> Page | None:
    """The next page of the same section that applies (None: the section is done)."""
    section, _ = PAGES[slug]
    pages = section.pages
    for page in pages[pages.index(PAGES[slug][1]) + 1:]:
        if page.applies(situation):
            return page
    return None


def first_unanswered(situation: Situation) -> Page | None:
    for _, pages in applicable(situation):
        for page in pages:
            if not answered(page, situation.data):
                return page
    return None


def complete(situation: Situation) -> bool:
    return situation.kind is not None and first_unanswered(situation) is None


def summary(situation: Situation) -> list[dict[str, Any]]:
    """Every applicable answer, by section: "Check your answers" and the response PDF."""
    sections = []
    for section, pages in applicable(situation):
        rows = []
        for page in pages:
            if answered(page, situation.data):
                for question, value in page.summary(situation.data[page.slug], situation):
                    rows.append({"question": question, "answer": value, "slug": page.slug})
        sections.append({"key": section.key, "title": section.title, "rows": rows})
    return sections
