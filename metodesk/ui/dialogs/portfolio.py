"""A teacher's methodical portfolio in the window: the card and every section
of the document (category history, courses, self-education, experience,
events, open lessons, mentoring, pupils' results) as the document says them,
with buttons to add a self-education topic and to preview, print or save the
portfolio as PDF or Word."""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from metodesk.documents.base import document_language
from metodesk.domain.academic_year import today
from metodesk.domain.errors import DomainError
from metodesk.domain.portfolio import PortfolioData
from metodesk.i18n import _
from metodesk.services import portfolio, years
from metodesk.ui import common
from metodesk.ui.context import AppContext


def portfolio_html(data: PortfolioData, lang: str) -> str:
    """The portfolio's sections as simple HTML tables, in ``lang`` ("kk" or "ru")."""
    from metodesk.reports.growth_words import NOTHING
    from metodesk.reports.portfolio_text import WORDS, card_lines, sections

    e = html.escape
    w = WORDS[lang]
    parts = [f"<h3>{e(w['card'])}</h3>", "<table cellspacing='0' cellpadding='3' border='1' width='100%'>"]
    for label, value in card_lines(data, lang):
        parts.append(f"<tr><td width='35%'><b>{e(label)}</b></td><td>{e(value)}</td></tr>")
    parts.append("</table>")
    for section in sections(data, lang):
        parts.append(f"<h3>{e(section.heading)}</h3>")
        if not section.rows:
            parts.append(f"<p><i>{e(NOTHING[lang])}</i></p>")
            continue
        parts.append("<table cellspacing='0' cellpadding='3' border='1' width='100%'><tr>")
        parts += [f"<th>{e(h)}</th>" for h in section.header]
        parts.append("</tr>")
        for row in section.rows:
            cells = "".join(f"<td>{e(v).replace(chr(10), '<br/>')}</td>" for v in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    return "".join(parts)


class PortfolioDialog(QDialog):
    """The portfolio of ``teacher_id``; a DomainError when the teacher is gone."""

    def __init__(self, ctx: AppContext, teacher_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.teacher_id = ctx, teacher_id
        self.setObjectName("PortfolioDialog")
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setObjectName("portfolio_view")
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.self_button = QPushButton(_("Add a self-education topic…"))
        self.self_button.setObjectName("add_self_education_button")
        self.self_button.clicked.connect(lambda _c=False: self.add_self_education())
        self.preview_button = QPushButton(_("Preview, print, save as PDF or Word…"))
        self.preview_button.setObjectName("portfolio_preview_button")
        self.preview_button.clicked.connect(lambda _c=False: self.preview())
        row.addWidget(self.self_button)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("dialog_buttons")
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()
        self.resize(860, 680)
        geometry = ctx.settings.value("dialogs/PortfolioDialog")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            self.data = portfolio.portfolio_data(session, self.teacher_id, today())
        from metodesk.reports.portfolio_text import WORDS

        lang = document_language(self.ctx.lang)
        self.setWindowTitle(
            _("Methodical portfolio: {name}").format(name=self.data.card.full_name)
        )
        self.view.setHtml(
            f"<h2 align='center'>{html.escape(WORDS[lang]['title'])}</h2>"
            f"<p align='center'>{html.escape(self.data.card.full_name)}</p>" + portfolio_html(self.data, lang)
        )

    def add_self_education(self) -> None:
        from metodesk.ui.dialogs.growth_records import SelfEducationDialog

        with self.ctx.reading() as session:
            current = years.current_year(session)
        dialog = SelfEducationDialog(
            self.ctx, current.id if current else None, teacher_id=self.teacher_id, parent=self
        )
        if dialog.exec() and dialog.saved_id is not None:
            self.ctx.changed.emit("growth")
            self.refresh()

    def preview(self) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        open_document(self.ctx, "portfolio", {"teacher": self.teacher_id}, self)

    def done(self, result: int) -> None:
        self.ctx.settings.setValue("dialogs/PortfolioDialog", self.saveGeometry())
        super().done(result)


def open_portfolio(ctx: AppContext, teacher_id: int, parent: QWidget) -> None:
    try:
        dialog = PortfolioDialog(ctx, teacher_id, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return
    dialog.exec()
