"""Demo attestation: the demo teachers (services.demo, found by surname) get
category histories dated from ``today`` so the Attestation tab's views are
never empty, whatever the day: some due this attestation year, one overdue in
our school (and one in Қаратал), some due next year, one eligible for early
attestation, one in progress with a knowledge-test score and lessons observed
(the open-lessons demo's sheets when there are any), one whose last case is
complete; and professional-development courses of the last three years.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.attestation import add_years, attestation_year, window_of
from metodesk.services import attestation, attestation_cases, attestation_evidence
from metodesk.services.attestation import AwardInput
from metodesk.services.attestation_cases import CaseInput, StageInput
from metodesk.services.attestation_evidence import CourseInput
from metodesk.storage.models import Teacher
from metodesk.storage.models.attestation import AttestationCase, CategoryAward

D = dt.date
ORLEU = "«Өрлеу» біліктілікті арттыру ұлттық орталығы» АҚ"
CPM = "«Назарбаев Зияткерлік мектептері» ДББҰ Педагогикалық шеберлік орталығы"
CPM_RU = "Центр педагогического мастерства АОО «Назарбаев Интеллектуальные школы»"
BODY = {"pedagog": "organisation", "moderator": "organisation", "expert": "district", "researcher": "region"}


class _Demo:
    def __init__(self, session: Session, today: dt.date) -> None:
        self.s, self.today = session, today
        self.y = attestation_year(today)
        self.ids = {t.surname: t.id for t in session.scalars(select(Teacher))}
        self.entries = 0
        self.order = 40

    def due_now(self, index: int) -> dt.date:
        """An expiry date in this attestation year, not yet passed."""
        y = self.y
        candidates = [d for d in (D(y, 12, 25), D(y + 1, 5, 25), D(y + 1, 7, 31)) if d >= self.today]
        return candidates[min(index, len(candidates) - 1)]

    def history(self, surname: str, entries: list[tuple[str, dt.date, str]]) -> None:
        """Entries oldest first; the first one replaces whatever the card said."""
        teacher_id = self.ids.get(surname)
        if teacher_id is None:
            return
        for index, (category, day, basis) in enumerate(entries):
            self.order += 7
            attestation.save_award(
                self.s,
                AwardInput(
                    teacher_id, category, day, f"№ {self.order}", basis, BODY.get(category, "district")
                ),
                today=self.today,
                replaces_card=index == 0,
            )
            self.entries += 1

    def histories(self) -> None:
        y = self.y

        def five(day: dt.date) -> dt.date:
            return add_years(day, -5)

        self.history(
            "Жақсылықова",
            [("legacy_highest", D(y - 6, 5, 25), "regular"), ("expert", D(y - 1, 5, 24), "regular")],
        )
        self.history(
            "Нұрғалиева",
            [("expert", D(y - 9, 12, 26), "regular"), ("researcher", D(y - 4, 12, 24), "regular")],
        )
        self.history(
            "Төлеуова",
            [("legacy_second", D(y - 10, 5, 28), "regular"), ("moderator", five(self.due_now(1)), "regular")],
        )
        self.history("Ибраев", [("pedagog", D(y - 1, 6, 10), "regular")])
        self.history(
            "Смағұлова",
            [
                ("legacy_second", D(y - 10, 12, 26), "regular"),
                ("legacy_first", five(self.due_now(0)), "regular"),
            ],
        )
        self.history(
            "Бекова",
            [("pedagog", D(y - 8, 5, 27), "regular"), ("moderator", five(self.due_now(1)), "regular")],
        )
        self.history(
            "Петренко",
            [("legacy_first", D(y - 11, 12, 26), "regular"), ("legacy_highest", D(y - 6, 12, 27), "regular")],
        )
        self.history("Қасымов", [("pedagog", D(y - 2, 5, 26), "regular")])
        self.history(
            "Серікбаев",
            [("legacy_first", D(y - 10, 5, 29), "regular"), ("expert", five(self.due_now(1)), "regular")],
        )
        self.history("Иванова", [("legacy_second", D(y - 6, 5, 30), "regular")])
        self.history("Құдайбергенова", [("pedagog", D(y - 5, 5, 27), "regular")])
        self.history("Мұхамеджанов", [("pedagog", D(y - 1, 6, 6), "regular")])
        self.history(
            "Ким", [("expert", D(y - 7, 5, 30), "regular"), ("researcher", D(y - 3, 5, 26), "early")]
        )

    def completed_case(self) -> None:
        """Құдайбергенова became a moderator early, last year, through a case."""
        teacher_id = self.ids.get("Құдайбергенова")
        if teacher_id is None:
            return
        decided = D(self.y - 1, 12, 20)
        attestation_cases.save_case(
            self.s,
            CaseInput(
                teacher_id=teacher_id,
                year=f"{self.y - 1}-{self.y}",
                target_category="moderator",
                window="aug_dec",
                basis="early",
                application_date=D(self.y - 1, 9, 12),
                test_date=D(self.y - 1, 10, 17),
                test_score=74,
                portfolio_status="accepted",
                decision="awarded",
                decision_date=decided,
                order_number="№ 214",
            ),
            today=self.today,
        )
        self.entries += 1

    def case_in_progress(self) -> None:
        """Төлеуова: application filed, test passed with 78 %, lessons observed, portfolio being prepared."""
        teacher_id = self.ids.get("Төлеуова")
        if teacher_id is None:
            return
        applied = max(D(self.y, 8, 1), self.today - dt.timedelta(days=30))
        tested = max(applied, self.today - dt.timedelta(days=10))
        case_id = attestation_cases.save_case(
            self.s,
            CaseInput(
                teacher_id=teacher_id,
                year=f"{self.y}-{self.y + 1}",
                target_category="expert",
                window=window_of(self.due_now(1)),
                application_date=applied,
                test_date=tested,
                test_score=78,
                portfolio_status="preparing",
            ),
            today=self.today,
        )
        sheets = [c for c in attestation_cases.sheets_for(self.s, teacher_id) if c.date <= self.today][:2]
        for sheet in sheets:
            attestation_cases.save_stage_observation(
                self.s, StageInput(case_id, None, "", sheet.observation_id)
            )
        if not sheets:
            attestation_cases.save_stage_observation(
                self.s, StageInput(case_id, tested, "Ұстаз платформасы: сабақты бағалау")
            )

    def courses(self) -> None:
        y = self.y
        plan = {
            "Төлеуова": [
                (
                    "Жаңартылған білім беру мазмұны аясында қазақ тілі мұғалімдерінің біліктілігін арттыру",
                    ORLEU,
                    D(y - 1, 6, 2),
                    D(y - 1, 6, 13),
                    80,
                ),
                ("Функционалдық сауаттылықты дамыту", CPM, D(y - 2, 10, 30), D(y - 2, 11, 3), 36),
            ],
            "Қасымов": [
                (
                    "Физика сабағында зертханалық жұмыстарды ұйымдастыру",
                    ORLEU,
                    D(y - 1, 1, 8),
                    D(y - 1, 1, 19),
                    72,
                ),
                (
                    "Цифрлық сауаттылық: мұғалімге арналған құралдар",
                    CPM,
                    D(y - 2, 6, 10),
                    D(y - 2, 6, 14),
                    36,
                ),
            ],
            "Смағұлова": [
                ("Бастауыш сыныптарда критериалды бағалау", CPM, D(y - 1, 6, 16), D(y - 1, 6, 27), 80)
            ],
            "Бекова": [
                (
                    "Инклюзивті білім беру: ерекше білім берілуіне қажеттілігі бар балалармен жұмыс",
                    ORLEU,
                    D(y - 2, 3, 20),
                    D(y - 2, 3, 29),
                    36,
                )
            ],
            "Петренко": [
                (
                    "Развитие функциональной грамотности учащихся на уроках русского языка",
                    CPM_RU,
                    D(y - 3, 11, 1),
                    D(y - 3, 11, 10),
                    72,
                )
            ],
            "Нұрғалиева": [
                ("Зерттеу сабағы (Lesson Study) тәсілі", CPM, D(y - 1, 10, 27), D(y - 1, 10, 31), 36)
            ],
        }
        number = 4520
        for surname, courses in plan.items():
            teacher_id = self.ids.get(surname)
            if teacher_id is None:
                continue
            for title, provider, start, end, hours in courses:
                number += 13
                attestation_evidence.save_course(
                    self.s, CourseInput(teacher_id, title, provider, start, end, hours, f"№ 00{number}")
                )

    def run(self) -> int:
        self.histories()
        self.completed_case()
        self.case_in_progress()
        self.courses()
        return self.entries


def add_demo_attestation(session: Session, today: dt.date) -> int:
    """Give the demo teachers their attestation records; returns the history entries written.
    Adds nothing once any attestation record exists, so it runs once per database."""
    if session.scalar(select(CategoryAward.id).limit(1)) or session.scalar(
        select(AttestationCase.id).limit(1)
    ):
        return 0
    return _Demo(session, today).run()
