"""The Kazakh and Russian words of the attestation documents (the perspective
plan and the list for one year), shared by the PDF and the XLSX: titles,
column headers, category names (docs/domain/glossary.md, 'Qualification categories'), windows, and how one teacher's
cells read. Documents are printed in their own language, chosen when built,
so these words live here rather than in gettext. Pure Python: no reportlab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.domain.plan_forms import signature_name
from metodesk.reports.lesson_words import POSITIONS

if TYPE_CHECKING:
    import datetime as dt

    from metodesk.domain.rows.attestation import AttestationDocData, PrintedTeacher

CATEGORIES: dict[str, dict[str, str]] = {
    "kk": {
        "none": "санатсыз",
        "pedagog": "педагог",
        "moderator": "педагог-модератор",
        "expert": "педагог-сарапшы",
        "researcher": "педагог-зерттеуші",
        "master": "педагог-шебер",
        "legacy_highest": "жоғары санат",
        "legacy_first": "бірінші санат",
        "legacy_second": "екінші санат",
    },
    "ru": {
        "none": "без категории",
        "pedagog": "педагог",
        "moderator": "педагог-модератор",
        "expert": "педагог-эксперт",
        "researcher": "педагог-исследователь",
        "master": "педагог-мастер",
        "legacy_highest": "высшая категория",
        "legacy_first": "первая категория",
        "legacy_second": "вторая категория",
    },
}

WINDOWS = {
    "kk": {"aug_dec": "тамыз–желтоқсан {year}\u00a0ж.", "jan_may": "қаңтар–мамыр {year}\u00a0ж."},
    "ru": {"aug_dec": "август–декабрь {year}\u00a0г.", "jan_may": "январь–май {year}\u00a0г."},
}

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "plan_title": "ПЕДАГОГТЕРДІ АТТЕСТАТТАУДЫҢ ПЕРСПЕКТИВАЛЫҚ ЖОСПАРЫ",
        "plan_years": "{first} – {last} оқу жылдарына",
        "plan_doc_title": "Педагогтерді аттестаттаудың перспективалық жоспары, {first} – {last}",
        "list_title": "{year} ОҚУ ЖЫЛЫНДА АТТЕСТАТТАЛАТЫН ПЕДАГОГТЕР ТІЗІМІ",
        "list_doc_title": "{year} оқу жылында аттестатталатын педагогтер тізімі",
        "year_row": "{year} оқу жылы",
        "nobody": "Аттестатталатын педагогтер жоқ.",
        "approve": "БЕКІТЕМІН",
        "head": "Мектеп директоры",
        "prepared": "Директордың оқу ісі жөніндегі орынбасары",
        "signature": "(қолы)",
        "date_line": "«___» __________ 20__ ж.",
        "no": "№",
        "name": "Педагогтің аты-жөні",
        "position": "Лауазымы",
        "subjects": "Пәні",
        "experience": "Өтілі, жыл",
        "category": "Қазіргі санаты",
        "awarded": "Берілген күні, бұйрық №",
        "award_date": "Берілген күні",
        "order": "Бұйрық №",
        "expiry": "Жарамдылық мерзімі",
        "target": "Мәлімделген санат",
        "window": "Аттестаттау кезеңі",
        "test": "ПББ нәтижесі",
        "note": "Ескерту",
        "year": "Оқу жылы",
        "overdue": "мерзімі өтіп кеткен",
        "score": "{score} %\n{date}",
        "sheet_plan": "Жоспар",
        "sheet_list": "Тізім",
    },
    "ru": {
        "plan_title": "ПЕРСПЕКТИВНЫЙ ПЛАН АТТЕСТАЦИИ ПЕДАГОГОВ",
        "plan_years": "на {first} – {last} учебные годы",
        "plan_doc_title": "Перспективный план аттестации педагогов, {first} – {last}",
        "list_title": "СПИСОК ПЕДАГОГОВ, ПОДЛЕЖАЩИХ АТТЕСТАЦИИ В {year} УЧЕБНОМ ГОДУ",
        "list_doc_title": "Список педагогов, подлежащих аттестации в {year} учебном году",
        "year_row": "{year} учебный год",
        "nobody": "Педагогов, подлежащих аттестации, нет.",
        "approve": "УТВЕРЖДАЮ",
        "head": "Директор школы",
        "prepared": "Заместитель директора по учебной работе",
        "signature": "(подпись)",
        "date_line": "«___» __________ 20__ г.",
        "no": "№",
        "name": "Ф.И.О. педагога",
        "position": "Должность",
        "subjects": "Предмет",
        "experience": "Стаж, лет",
        "category": "Имеющаяся категория",
        "awarded": "Дата присвоения, № приказа",
        "award_date": "Дата присвоения",
        "order": "№ приказа",
        "expiry": "Срок действия",
        "target": "Заявляемая категория",
        "window": "Период аттестации",
        "test": "Результат ОЗП",
        "note": "Примечание",
        "year": "Учебный год",
        "overdue": "срок истёк",
        "score": "{score} %\n{date}",
        "sheet_plan": "План",
        "sheet_list": "Список",
    },
}

# The columns of each document, in order (the keys of LABELS).
PLAN_COLUMNS = (
    "no",
    "name",
    "position",
    "subjects",
    "experience",
    "category",
    "awarded",
    "expiry",
    "target",
    "window",
    "note",
)
LIST_COLUMNS = (
    "no",
    "name",
    "position",
    "subjects",
    "experience",
    "category",
    "awarded",
    "expiry",
    "target",
    "window",
    "test",
    "note",
)


def _date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def window_text(window: str, year_start: int, lang: str) -> str:
    """'тамыз–желтоқсан 2025 ж.' / 'январь–май 2026 г.' for a window of the attestation year."""
    pattern = WINDOWS[lang].get(window)
    if pattern is None:
        return ""
    return pattern.format(year=year_start if window == "aug_dec" else year_start + 1)


def cells(t: PrintedTeacher, number: int, year_start: int, lang: str) -> dict[str, str]:
    """One teacher's cells as plain text, keyed like LABELS; never "None"."""
    words = LABELS[lang]
    awarded = ", ".join(p for p in (_date(t.award_date), t.order_number) if p)
    test = (
        words["score"].format(score=t.test_score, date=_date(t.test_date))
        if t.test_score is not None and t.test_date is not None
        else ""
    )
    return {
        "no": str(number),
        "name": t.full_name,
        "position": POSITIONS[lang].get(t.position, ""),
        "subjects": ", ".join(t.subjects(lang)),
        "experience": "" if t.experience is None else str(t.experience),
        "category": CATEGORIES[lang].get(t.category, t.category),
        "awarded": awarded,
        "expiry": _date(t.expiry),
        "target": CATEGORIES[lang].get(t.target, "") if t.target else "",
        "window": window_text(t.window, year_start, lang),
        "test": test,
        "note": words["overdue"] if t.overdue else "",
    }


def signer(name: str) -> str:
    """A person under a signature line: 'Б.Е. Сейітқали', or a line to write
    the name on when none is known."""
    return signature_name(name) if name.strip() else "_" * 20


def approval_lines(data: AttestationDocData, lang: str) -> list[str]:
    """The director's approval block as plain lines, top to bottom:
    БЕКІТЕМІН / УТВЕРЖДАЮ, the title, the line to sign with the name, the date."""
    w = LABELS[lang]
    return [w["approve"], w["head"], f"{'_' * 14} {signer(data.head_name)}", w["date_line"]]
