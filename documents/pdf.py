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
