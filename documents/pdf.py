"""The court's PDFs: a Django template under ``templates/pdf/``, rendered to HTML, printed by WeasyPrint.

- **One print stylesheet** (``static/pdf/print.css``: A4, margins, fonts, "Page X of Y" and
  the claim number in the footer) is applied to every PDF here, whatever the template.
- **No network, ever.** The documents' base URL is the project's ``static/`` folder, and the
  URL fetcher serves only files inside it (and ``data:`` URLs). Anything else — http(s), a
  file elsewhere, a missing file — stops the render: a court document printed without its
  stylesheet or seal must fail, not go out quietly broken.
- **Nothing blank.** The templates are rendered by their own Django engine whose invalid
  variables leave a marker; a marker in the HTML (a context key the template needed and did
  not get) stops the render too.
- Paths come from ``settings.BASE_DIR``, so rendering does not depend on the current directory.

Every failure raises :class:`PdfRenderError` (an ordinary ``Exception``, with the cause
chained), so the caller can record it on the document and try again.
"""
from __future__ import annotations

import logging
import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.backends.django import DjangoTemplates
from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

# WeasyPrint logs every step of every render at INFO; keep its warnings and errors only.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

#: What an invalid (missing) template variable renders as; found in the HTML, it fails the render.
_MISSING = "\u27e6missing: %s\u27e7"
_MISSING_RE = re.compile("\u27e6missing: (.*?)\u27e7")


class PdfRenderError(Exception):
    """A PDF could not be rendered (template, context, resource or WeasyPrint failure)."""


class ResourceRefused(ValueError):
    """The PDF asked for a resource outside the static folder (or over the network)."""


def static_root() -> Path:
    """The project's own static folder: the only place a PDF may load files from."""
    return (Path(settings.BASE_DIR) / "static").resolve()


def print_stylesheet_path() -> Path:
    return static_root() / "pdf" / "print.css"


class StaticFilesOnly(URLFetcher):
    """A WeasyPrint URL fetcher that serves files from ``root`` and refuses everything else.

    ``fail_on_errors``: a refused or missing resource stops the render (WeasyPrint would
    otherwise log a warning and print the document without it).
    """

    def __init__(self, root: Path) -> None:
        super().__init__(fail_on_errors=True, allow_redirects=False)
        self.root = Path(root).resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)  # inline data: nothing is fetched
        if scheme != "file":
            raise ResourceRefused(f"refused {url}: PDFs never use the network")
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(self.root):
            raise ResourceRefused(f"refused {url}: outside the static folder {self.root}")
        if not path.is_file():
            raise ResourceRefused(f"refused {url}: no such file in the static folder")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type})


@cache
def _engine() -> DjangoTemplates:
    """The project's template folders and tag libraries, with missing variables made visible."""
    return DjangoTemplates(
        {
            "NAME": "pdf",
            "DIRS": [Path(settings.BASE_DIR) / "templates"],
            "APP_DIRS": True,
            "OPTIONS": {"string_if_invalid": _MISSING, "autoescape": True},
        }
    )


def render_html(template_name: str, context: dict[str, Any]) -> str:
    """The document's HTML; PdfRenderError if the template fails or needs a key it did not get."""
    try:
        html = _engine().get_template(template_name).render(context)
    except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
        raise PdfRenderError(f"{template_name}: {exc}") from exc
    except Exception as exc:  # an error raised while rendering (a filter, a property)
        raise PdfRenderError(f"{template_name}: {type(exc).__name__}: {exc}") from exc
    missing = sorted(set(_MISSING_RE.findall(html)))
    if missing:
        raise PdfRenderError(f"{template_name}: no value for {', '.join(missing)}")
    return html


def html_to_pdf(html: str) -> bytes:
    """Print HTML to PDF with the shared print stylesheet, loading files only from ``static/``."""
    root = static_root()
    fetcher = StaticFilesOnly(root)
    try:
        stylesheet = CSS(filename=str(print_stylesheet_path()), url_fetcher=fetcher)
        document = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher)
        pdf = document.write_pdf(stylesheets=[stylesheet])
    except FatalURLFetchingError as exc:  # a BaseException: never let it past a caller's `except Exception`
        cause = exc.__cause__ or exc
        raise PdfRenderError(f"resource refused: {cause}") from exc
    except Exception as exc:
        raise PdfRenderError(f"WeasyPrint failed: {type(exc).__name__}: {exc}") from exc
    if not pdf:
        raise PdfRenderError("WeasyPrint returned no PDF")
    return pdf


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render ``templates/<template_name>`` with ``context`` to PDF bytes. Raises PdfRenderError."""
    return html_to_pdf(render_html(template_name, context))


# -- several documents in one PDF, with an index (the trial bundle, PD 51R 6C.4) ---------------------------------


@dataclass(frozen=True)
class Section:
    """One document of a bundle: its heading in the index, and its own template and context."""

    heading: str
    template: str
    context: dict[str, Any]


@dataclass(frozen=True)
class IndexEntry:
    """A line of a bundle's index: the document's heading and the bundle pages it takes."""

    number: int
    heading: str
    first_page: int
    last_page: int


def _layout(html: str, *, start: int = 0, total: int = 0) -> Any:
    """Lay the HTML out (a WeasyPrint ``Document``). With ``start``, its pages are numbered as pages of a bundle of
    ``total`` pages, from ``start``."""
    root = static_root()
    fetcher = StaticFilesOnly(root)
    try:
        stylesheets = [CSS(filename=str(print_stylesheet_path()), url_fetcher=fetcher)]
        if start:
            stylesheets.append(CSS(string=(
                f'@page {{ @bottom-right {{ content: "Bundle page " counter(page) " of {total}"; }} }}'
                f"@page :first {{ counter-increment: page {start}; }}")))
        return HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(stylesheets=stylesheets)
    except FatalURLFetchingError as exc:
        cause = exc.__cause__ or exc
        raise PdfRenderError(f"resource refused: {cause}") from exc
    except Exception as exc:
        raise PdfRenderError(f"WeasyPrint failed: {type(exc).__name__}: {exc}") from exc


def render_bundle(index_template: str, index_context: dict[str, Any], sections: Sequence[Section]) -> bytes:
    """One PDF: an index (``index_template``, given ``entries``: a list of ``IndexEntry``), then each section's
    document in order, each printed from its own template exactly as it is printed alone, every page numbered as a
    page of the bundle. Raises PdfRenderError."""
    if not sections:
        raise PdfRenderError("a bundle needs at least one document")
    htmls = [render_html(section.template, section.context) for section in sections]
    counts = [len(_layout(html).pages) for html in htmls]

    def entries(index_pages: int) -> list[IndexEntry]:
        found, first = [], index_pages + 1
        for number, (section, count) in enumerate(zip(sections, counts, strict=True), start=1):
            found.append(IndexEntry(number, section.heading, first, first + count - 1))
            first += count
        return found

    index_pages = 1
    for _ in range(3):  # the index's own length moves every page after it: settle it
        index_html = render_html(index_template, {**index_context, "entries": entries(index_pages)})
        laid_out = len(_layout(index_html).pages)
        if laid_out == index_pages:
            break
        index_pages = laid_out
    else:
        raise PdfRenderError("the bundle's index did not settle on a number of pages")
    total = index_pages + sum(counts)
    index = _layout(index_html, start=1, total=total)
    pages = list(index.pages)
    start = index_pages + 1
    for html, count in zip(htmls, counts, strict=True):
        document = _layout(html, start=start, total=total)
        if len(document.pages) != count:
            raise PdfRenderError("a document of the bundle changed length when its pages were numbered")
        pages.extend(document.pages)
        start += count
    try:
        pdf = index.copy(pages).write_pdf()
    except Exception as exc:
        raise PdfRenderError(f"WeasyPrint failed: {type(exc).__name__}: {exc}") from exc
    if not pdf:
        raise PdfRenderError("WeasyPrint returned no PDF")
    return pdf
