"""Add or edit a mentoring pair: the mentee (one of our teachers), whether a
young specialist or a trainee, the mentor, the appointing order, the period,
the goals, and for a new pair the language of the plan's typical activities.
Refusals (a mentor who is the mentee, a second mentor in the year, an
archived teacher) show under their field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from metodesk.domain.mentoring_enums import MenteeKind
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.services import mentoring, years
from metodesk.services.mentoring import PairInput, PersonChoice
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.widgets import DateField


def _fill(combo: QComboBox, people: list[PersonChoice], lang: str, with_org: bool) -> None:
    combo.addItem("", None)
    for person in sorted(people, key=lambda p: sort_key(p.full_name, lang)):
        label = person.full_name
        if with_org and not person.ours:
            organisation = person.organisation_ru if lang == "ru" else person.organisation_kk
            label = _("{name} ({organisation})").format(name=label, organisation=organisation)
        elif person.young_specialist:
            label = _("{name} (young specialist)").format(name=label)
        combo.addItem(label, person.id)


class MentoringPairDialog(FormDialog):
    """A new pair when ``pair_id`` is None (for ``mentee_id`` when given), else that pair."""

    def __init__(
        self,
        ctx: AppContext,
        year_id: int,
        pair_id: int | None = None,
        mentee_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, _("New mentoring pair") if pair_id is None else _("Edit mentoring pair"), parent
        )
        self.pair_id = pair_id
        with ctx.reading() as session:
            if pair_id is not None:
                row = mentoring.get_pair(session, pair_id)
                data = PairInput(
                    year_id=row.year_id,
                    mentor_id=row.mentor_id,
                    mentee_id=row.mentee_id,
                    mentee_kind=row.mentee_kind,
                    order_number=row.order_number,
                    order_date=row.order_date,
                    goals=row.goals,
                    start_date=row.start_date,
                    end_date=row.end_date,
                )
                keep: tuple[int, ...] = (row.mentor_id, row.mentee_id)
            else:
                data = mentoring.proposed_pair(session, year_id, mentee_id)
                keep = ()
            self.year_id = data.year_id
            year_name = years.get_year(session, data.year_id or year_id).name
            people = mentoring.people(session, keep)
        self.young = {p.id for p in people if p.young_specialist}
        lang = ctx.lang

        year_label = QLabel(year_name)
        year_label.setObjectName("year_label")
        self.add_field(_("Academic year"), year_label, "year_id")
        self.mentee_combo = QComboBox()
        self.mentee_combo.setObjectName("mentee_combo")
        _fill(self.mentee_combo, [p for p in people if p.ours or p.id in keep], lang, with_org=False)
        self.add_field(_("Mentee"), self.mentee_combo, "mentee_id")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("mentee_kind_combo")
        for code, label in MenteeKind.choices():
            self.kind_combo.addItem(label, code)
        self.add_field(_("The mentee is"), self.kind_combo, "mentee_kind")
        self.mentor_combo = QComboBox()
        self.mentor_combo.setObjectName("mentor_combo")
        _fill(self.mentor_combo, people, lang, with_org=True)
        self.add_field(_("Mentor"), self.mentor_combo, "mentor_id")
        self.order_number = QLineEdit()
        self.order_number.setObjectName("order_number")
        self.order_number.setMaxLength(mentoring.MAX_ORDER_NUMBER)
        self.add_field(_("Order No."), self.order_number, "order_number")
        self.order_date = DateField("order_date")
        self.add_field(_("Order date"), self.order_date, "order_date")
        self.start_date = DateField("start_date")
        self.add_field(_("Starts"), self.start_date, "start_date")
        self.end_date = DateField("end_date")
        self.add_field(_("Ends"), self.end_date, "end_date")
        self.goals = text_box("goals", 4, _("The goals and tasks of the mentoring"))
        self.add_field(_("Goals"), self.goals, "goals")
        self.template_combo: QComboBox | None = None
        if pair_id is None:
            self.template_combo = QComboBox()
            self.template_combo.setObjectName("template_combo")
            self.template_combo.addItem(_("Typical activities in Kazakh"), "kk")
            self.template_combo.addItem(_("Typical activities in Russian"), "ru")
            self.template_combo.addItem(_("An empty plan"), "")
            self.template_combo.setCurrentIndex(max(self.template_combo.findData(data.template_lang), 0))
            self.add_field(_("The plan starts with"), self.template_combo, "template_lang")

        self.mentee_combo.setCurrentIndex(max(self.mentee_combo.findData(data.mentee_id), 0))
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(data.mentee_kind), 0))
        self.mentor_combo.setCurrentIndex(max(self.mentor_combo.findData(data.mentor_id), 0))
        self.order_number.setText(data.order_number)
        self.order_date.set_date(data.order_date)
        self.start_date.set_date(data.start_date)
        self.end_date.set_date(data.end_date)
        self.goals.setPlainText(data.goals)
        self.mentee_combo.currentIndexChanged.connect(self._mentee_chosen)
        self.resize(max(self.width(), 600), self.sizeHint().height())

    def _mentee_chosen(self, _index: int) -> None:
        """A young specialist is mentored as one; anyone else as a trainee."""
        mentee = self.mentee_combo.currentData()
        if mentee is not None:
            kind = MenteeKind.YOUNG_SPECIALIST if mentee in self.young else MenteeKind.TRAINEE
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind.value), 0))

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        data = PairInput(
            year_id=self.year_id,
            mentor_id=self.mentor_combo.currentData(),
            mentee_id=self.mentee_combo.currentData(),
            mentee_kind=str(self.kind_combo.currentData()),
            order_number=self.order_number.text(),
            order_date=self.order_date.date(),
            goals=self.goals.toPlainText(),
            start_date=self.start_date.date(),
            end_date=self.end_date.date(),
            template_lang=str(self.template_combo.currentData()) if self.template_combo is not None else "",
        )
        return mentoring.save_pair(session, data, self.pair_id)
