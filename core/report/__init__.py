"""The report PDF (product.md §4.4) and, in ``core.report.filing``, the helpers that file
it (§4.5). One call turns a validated incident document into the PDF the user sends:
``render_report`` writes it and returns what the store records (the SHA-256 of the exact
document and of the PDF, the page count).

Importing this package is cheap: reportlab is imported only when a PDF is made. Does
not read the clock (``now`` is the report time) or the database.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core import field_paths as fp
from core.assessment import check
from core.canonical import document_hash
from core.incident import Doc
from core.report import content
from core.report.content import KINDS
from core.report.footer import footer_left, stated_time_line
from core.report.labels import KIND_NAMES
from core.report.worksheet import worksheet_content
from core.rules import RulePack
from core.text import Each, TextError, said
from core.vocab import ReportKind, label

__all__ = [
    "KINDS",
    "footer_left",
    "stated_time_line",
    "KIND_NAMES",
    "NO_STAMP",
    "ReportError",
    "ReportInfo",
    "Stamp",
    "render_report",
    "render_report_bytes",
    "render_report_docx",
    "render_worksheet",
    "render_worksheet_bytes",
    "report_content",
    "worksheet_for",
]


class ReportError(TextError, ValueError):
    """The report cannot be made as asked; the message says why (``str()`` in Chinese,
    ``message(lang)`` in the reader's language)."""


@dataclass(frozen=True)
class ReportInfo:
    """What the store records of a report made: hashes, page count and where it was written."""

    json_sha256: str  # document_hash of the exact document the PDF was made from
    pdf_sha256: str
    pages: int
    path: Path


def _check_request(doc: Doc, kind: str) -> None:
    if kind not in KINDS:
        choices = tuple(Each(f"{k}（{v}）", f"{k} ({label(k, 'en')})") for k, v in KIND_NAMES.items())
        raise ReportError(said("report_kind_unknown", choices=Each("、".join(c.zh for c in choices), ", ".join(c.en for c in choices)), value=repr(kind)))
    if kind == ReportKind.SUMMARY and not doc.get(fp.HANDLING_ENDED_AT):
        raise ReportError(said("report_summary_needs_end"))  # 第八条: within 30 days after handling ends


def _hash(doc: Doc) -> str:
    try:
        return document_hash(doc)
    except (UnicodeEncodeError, ValueError) as exc:
        raise ReportError(said("report_unhashable", detail=str(exc))) from exc


@dataclass(frozen=True)
class Stamp:
    """What the footer says besides the content: the record anchor (「记录校验码」, from
    ``core.store.anchor``) of the store the report was exported from, None for a file-only
    export; ``stated_time`` when the report time was set by hand earlier than the clock
    (``pdf --now`` in the past), so the document says so (issue 16)."""

    anchor: str | None = None
    stated_time: bool = False


NO_STAMP = Stamp()


def _content(
    doc: Any,
    pack: RulePack,
    kind: str,
    now: datetime,
    previous: Doc | None,
    attachments: list[dict[str, Any]] | None,
    app_version: str,
    stamp: Stamp = NO_STAMP,
) -> tuple[Any, str]:
    """The report's content (``core.report.content.ReportContent``) and the document's hash."""
    if now.tzinfo is None:
        raise ReportError(said("report_time_without_zone"))
    result = check(doc, pack, now)
    _check_request(result.doc, kind)
    json_sha256 = _hash(result.doc)
    report = content.build(result, pack, kind, previous=previous, attachments=attachments, app_version=app_version, json_sha256=json_sha256)
    if stamp.anchor:
        report.footer["anchor"] = stamp.anchor
    if stamp.stated_time:
        report.footer["stated"] = stated_time_line(now)
    return report, json_sha256


def report_content(
    doc: Doc, pack: RulePack, kind: str, now: datetime, *, previous: Doc | None = None, attachments: list[dict[str, Any]] | None = None, app_version: str
) -> Any:
    """What a report of ``kind`` says (``core.report.content.ReportContent``), for a renderer."""
    return _content(doc, pack, kind, now, previous, attachments, app_version)[0]


def _render(
    doc: Any,
    pack: RulePack,
    kind: str,
    now: datetime,
    previous: Doc | None,
    attachments: list[dict[str, Any]] | None,
    app_version: str,
    stamp: Stamp = NO_STAMP,
) -> tuple[bytes, int, str]:
    from core.report import pdf  # lazy: reportlab loads only here

    report, json_sha256 = _content(doc, pack, kind, now, previous, attachments, app_version, stamp)
    data, pages = pdf.render(report)
    return data, pages, json_sha256


def render_report_docx(
    doc: Doc,
    pack: RulePack,
    kind: str,
    now: datetime,
    out_path: str | os.PathLike[str],
    *,
    previous: Doc | None = None,
    attachments: list[dict[str, Any]] | None = None,
    app_version: str,
    stamp: Stamp = NO_STAMP,
) -> Path:
    """Write the same report as an editable Word file (.docx) to ``out_path`` (atomically)."""
    from core.report import docx  # lazy: python-docx loads only here

    report, _sha = _content(doc, pack, kind, now, previous, attachments, app_version, stamp)
    path = Path(out_path)
    write_atomic(path, docx.render(report))
    return path


def render_report_bytes(
    doc: Doc,
    pack: RulePack,
    kind: str,
    now: datetime,
    *,
    previous: Doc | None = None,
    attachments: list[dict[str, Any]] | None = None,
    app_version: str,
    stamp: Stamp = NO_STAMP,
) -> bytes:
    """The report PDF as bytes (for previews). Raises ``InvalidIncident`` or ``ReportError``."""
    return _render(doc, pack, kind, now, previous, attachments, app_version, stamp)[0]


def render_report(
    doc: Doc,
    pack: RulePack,
    kind: str,
    now: datetime,
    out_path: str | os.PathLike[str],
    *,
    previous: Doc | None = None,
    attachments: list[dict[str, Any]] | None = None,
    app_version: str,
    stamp: Stamp = NO_STAMP,
) -> ReportInfo:
    """Write the report PDF of ``kind`` (initial | supplement | followup | summary) at report
    time ``now`` to ``out_path`` (atomically) and return its fingerprints.

    ``previous`` is the document of the last submitted report (supplements and follow-ups
    list what changed since); ``attachments`` items carry ``name``, ``sha256``, ``size``.
    Raises ``InvalidIncident`` for an invalid document, ``ReportError`` for a request the
    law does not allow (a summary report before handling ended) and ``OSError`` when the
    file cannot be written. ``stamp`` adds the record anchor and the stated-time line.
    """
    data, pages, json_sha256 = _render(doc, pack, kind, now, previous, attachments, app_version, stamp)
    path = Path(out_path)
    write_atomic(path, data)
    return ReportInfo(json_sha256, hashlib.sha256(data).hexdigest(), pages, path)


def worksheet_for(doc: Doc, pack: RulePack, now: datetime, *, app_version: str, stamp: Stamp = NO_STAMP) -> Any:
    """The reporter's worksheet (报送工作单, ``core.report.worksheet.WorksheetContent``) of the
    incident at ``now``: every duty with its due time and status, the channels that reach
    each recipient, what is missing, the projections. Raises ``InvalidIncident``."""
    if now.tzinfo is None:
        raise ReportError(said("report_time_without_zone"))
    result = check(doc, pack, now)
    content = worksheet_content(result, pack, app_version=app_version, json_sha256=_hash(result.doc))
    if stamp.anchor:
        content.footer["anchor"] = stamp.anchor
    if stamp.stated_time:
        content.footer["stated"] = stated_time_line(now)
    return content


def render_worksheet_bytes(doc: Doc, pack: RulePack, now: datetime, *, app_version: str, fmt: str = "pdf", stamp: Stamp = NO_STAMP) -> bytes:
    """The worksheet as PDF (``fmt`` "pdf") or Word ("docx") bytes, for previews."""
    from core.report.worksheet import render_docx, render_pdf  # reportlab / python-docx load inside these

    if fmt not in ("pdf", "docx"):
        raise ReportError(said("report_worksheet_format", value=repr(fmt)))
    content = worksheet_for(doc, pack, now, app_version=app_version, stamp=stamp)
    return render_docx(content) if fmt == "docx" else render_pdf(content)[0]


def render_worksheet(
    doc: Doc,
    pack: RulePack,
    now: datetime,
    out_path: str | os.PathLike[str],
    *,
    app_version: str,
    fmt: str = "pdf",
    stamp: Stamp = NO_STAMP,
) -> Path:
    """Write the reporter's worksheet (报送工作单, product.md §9.4) of the incident at ``now``
    to ``out_path`` (atomically) as PDF or, with ``fmt="docx"``, Word; returns the path.
    It is the reporting unit's own page, exported beside the report and never sent with it.
    Raises ``InvalidIncident``, ``ReportError`` or ``OSError`` as ``render_report`` does."""
    data = render_worksheet_bytes(doc, pack, now, app_version=app_version, fmt=fmt, stamp=stamp)
    path = Path(out_path)
    write_atomic(path, data)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either the old file or the whole new one."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
