"""Create or edit a methodical association: kind, level, subject or direction,
year, organisation, and its two names, suggested until the user writes their own."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from metodesk.domain.enums import AssociationKind, AssociationLevel
from metodesk.i18n import _
from metodesk.services import associations, duplicates, organisations, subjects, years
from metodesk.services.association_rows import AssociationRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog


def _combo(name: str, items: list[tuple[object, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for data, text in items:
        combo.addItem(text, data)
    return combo


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


class AssociationDialog(FormDialog):
    """Item 21 kinds, item 23/24 levels. ``association_id`` None means a new one;
    ``year_id`` is the year a new association starts in (the tab's year)."""

    def __init__(
        self,
        ctx: AppContext,
        association_id: int | None = None,
        year_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("New association") if association_id is None else _("Edit association")
        super().__init__(ctx, title, parent)
        self.association_id = association_id
        lang = ctx.lang
        with ctx.reading() as session:
            current = associations.get_detail(session, association_id).row if association_id else None
            subject_rows = subjects.list_subjects(session, include_archived=True)
            year_rows = years.list_years(session)
            org_rows = organisations.list_organisations(session)
            this_year = years.current_year(session)
        self.version = current.version if current else None  # as read: the save names it
        keep_subject = current.subject_id if current else None
        self._subjects = {s.id: s for s in subject_rows if not s.archived or s.id == keep_subject}

        self.kind_combo = self.add_field(
            _("Kind"), _combo("kind_combo", [(c, t) for c, t in AssociationKind.association_choices()]), "kind"
        )
        self.level_combo = self.add_field(
            _("Level"), _combo("level_combo", [(c, t) for c, t in AssociationLevel.choices()]), "level"
        )
        self.level_combo.setToolTip(
            _(
                "School level: teachers of one school (item 23 asks for at least 3 of one subject). "
                "District level: teachers of several schools, for small schools (item 24)."
            )
        )
        subject_items: list[tuple[object, str]] = [(None, _("— choose a subject —"))]
        subject_items += [(s.id, s.name(lang)) for s in self._subjects.values()]
        self.subject_combo = self.add_field(
            _("Subject"), _combo("subject_combo", subject_items), "subject_id"
        )
        self.direction_edit = self.add_field(_("Direction"), QLineEdit(), "direction")
        self.direction_edit.setObjectName("direction")
        self.direction_edit.setPlaceholderText(_("For example: natural sciences, or the TVET profile"))
        self.year_combo = self.add_field(
            _("Academic year"), _combo("year_combo", [(y.id, y.name) for y in year_rows]), "year_id"
        )
        self.organisation_combo = self.add_field(
            _("Organisation"),
            _combo("organisation_combo", [(o.id, o.name(lang)) for o in org_rows]),
            "organisation_id",
        )
        self.name_kk = self.add_field(_("Name in Kazakh"), QLineEdit(), "name_kk")
        self.name_kk.setObjectName("name_kk")
        self.name_ru = self.add_field(_("Name in Russian"), QLineEdit(), "name_ru")
        self.name_ru.setObjectName("name_ru")

        if current is not None:
            self._show(current)
        else:
            default_year = year_id if year_id is not None else (this_year.id if this_year else None)
            _select(self.year_combo, default_year)
            # list_organisations puts ours first
        self._suggested = self._suggestion()
        if current is None:
            self.name_kk.setText(self._suggested[0])
            self.name_ru.setText(self._suggested[1])

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.level_combo.currentIndexChanged.connect(self._refresh_names)
        self.subject_combo.currentIndexChanged.connect(self._refresh_names)
        self.direction_edit.textChanged.connect(self._refresh_names)
        self._update_enabled()
        self.resize(max(self.width(), 620), self.sizeHint().height())

    def _show(self, current: AssociationRow) -> None:
        """Put a stored association into the fields, its own names last (the
        kind, level and subject would otherwise suggest names of their own)."""
        _select(self.kind_combo, current.kind)
        _select(self.level_combo, current.level)
        _select(self.subject_combo, current.subject_id)
        self.direction_edit.setText(current.direction)
        _select(self.year_combo, current.year_id)
        _select(self.organisation_combo, current.organisation_id)
        self.name_kk.setText(current.name_kk)
        self.name_ru.setText(current.name_ru)
        self.version = current.version

    def can_reload(self) -> bool:
        return self.association_id is not None

    def reload_record(self) -> None:
        """The association as saved now, after someone else's change."""
        assert self.association_id is not None
        with self.ctx.reading() as session:
            current = associations.get_detail(session, self.association_id).row
        self._show(current)
        self._suggested = self._suggestion()
        self._update_enabled()

    def _kind(self) -> AssociationKind:
        return AssociationKind(str(self.kind_combo.currentData()))

    def _suggestion(self) -> tuple[str, str]:
        kind = self._kind()
        if kind.needs_subject:
            subject = self._subjects.get(self.subject_combo.currentData())
            kk, ru = (subject.name_kk, subject.name_ru) if subject else ("", "")
        else:
            # the TVET name quotes its profile, written in the direction field
            kk = ru = self.direction_edit.text().strip()
        return associations.suggest_names(kind.value, str(self.level_combo.currentData()), kk, ru)

    def _refresh_names(self) -> None:
        """Replace a name the user has not written themselves with the new suggestion."""
        new = self._suggestion()
        for edit, old, value in zip((self.name_kk, self.name_ru), self._suggested, new, strict=True):
            if edit.text().strip() in ("", old):
                edit.setText(value)
        self._suggested = new

    def _on_kind_changed(self) -> None:
        self._update_enabled()
        self._refresh_names()

    def _update_enabled(self) -> None:
        needs_subject = self._kind().needs_subject
        self.subject_combo.setEnabled(needs_subject)
        if not needs_subject:
            self.subject_combo.blockSignals(True)
            self.subject_combo.setCurrentIndex(0)
            self.subject_combo.blockSignals(False)
        self.direction_edit.setEnabled(not needs_subject)

    def values(self) -> associations.AssociationInput:
        needs_subject = self._kind().needs_subject
        return associations.AssociationInput(
            kind=self._kind().value,
            level=str(self.level_combo.currentData()),
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            subject_id=self.subject_combo.currentData() if needs_subject else None,
            direction="" if needs_subject else self.direction_edit.text(),
            year_id=self.year_combo.currentData(),
            organisation_id=self.organisation_combo.currentData(),
        )

    def duplicate(self, session):  # type: ignore[no-untyped-def]
        return duplicates.same_association(session, self.values(), self.association_id, self.ctx.lang)

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return associations.save_association(
            session, self.values(), self.association_id, version=self.version
        )
