"""Benchmark: building a three-page protocol in-process (issue 3: at most 60 ms).

Not a test: run it by hand on the target kind of machine and read the median.

    .venv/bin/python bench/bench_protocol.py [--runs 30] [--lang kk]

The first build (font registration, reportlab's imports) is timed apart and not
counted: the window pays it once per session, like any lazy import.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from metodesk.domain.rows.protocol import (  # noqa: E402
    PrintedAbsence,
    PrintedDecision,
    PrintedGuest,
    PrintedItem,
    PrintedPerson,
    PrintedReview,
    PrintedSpeech,
    ProtocolData,
)

TARGET_MS = 60.0

SUMMARY = (
    "Бірлестік мүшелерінің күнтізбелік-тақырыптық жоспарлары үлгілік оқу бағдарламаларына, "
    "оқу жүктемесіне және сағат санына сәйкестігі тұрғысынан қаралды. Жоспарларда бөлім бойынша "
    "және тоқсан бойынша жиынтық бағалаудың мерзімдері көрсетілген. "
)


def person(surname: str, first: str, patronymic: str) -> PrintedPerson:
    return PrintedPerson(
        f"{surname} {first} {patronymic}",
        f"{surname} {first[0]}.{patronymic[0]}.",
        f"{first[0]}.{patronymic[0]}. {surname}",
    )


def sample(items: int = 3) -> ProtocolData:
    """A held meeting whose protocol fills three A4 pages."""
    people = [
        person("Нұрғалиева", "Әсел", "Бауыржанқызы"),
        person("Ибраев", "Ілияс", "Қанатұлы"),
        person("Төлеуова", "Айгүл", "Маратқызы"),
        person("Петренко", "Ольга", "Викторовна"),
        person("Смағұлова", "Мәдина", "Ерболқызы"),
        person("Құдайбергенова", "Айжан", "Талғатқызы"),
    ]
    day = dt.date(2025, 11, 5)
    decisions = tuple(
        PrintedDecision(
            f"1.{n}",
            SUMMARY[:140],
            people[n % 6].short_name,
            day + dt.timedelta(days=10 * n),
            "",
            False,
            None,
        )
        for n in range(1, 4)
    )
    reviewed = tuple(
        PrintedReview(
            1,
            dt.date(2025, 8, 28),
            f"{n}.1",
            SUMMARY[:120],
            people[n].short_name,
            dt.date(2025, 9, 30),
            "",
            n % 2 == 0,
            day,
        )
        for n in range(1, 5)
    )
    agenda = []
    for n in range(1, items + 1):
        agenda.append(
            PrintedItem(
                number=n,
                kind="review" if n == 1 else "regular",
                title="" if n == 1 else f"Пән бойынша {n}-мәселе: жиынтық бағалау нәтижелерін талдау туралы",
                speaker=people[n % 6].short_name,
                summary=SUMMARY,
                speeches=(
                    PrintedSpeech(people[(n + 1) % 6].short_name, SUMMARY),
                    PrintedSpeech("Жақсылықова Г.С.", SUMMARY[:150]),
                ),
                decisions=tuple(
                    PrintedDecision(f"{n}.{d.code[2:]}", d.text, d.responsible, d.deadline, "", False, None)
                    for d in decisions
                ),
                reviewed=reviewed if n == 1 else (),
            )
        )
    return ProtocolData(
        organisation_kk="Ақсу ауылының жалпы орта білім беретін шағын жинақты мектебі",
        organisation_ru="Малокомплектная общеобразовательная школа села Аксу",
        association_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
        association_ru="Методическое объединение учителей предмета «Казахский язык»",
        year_name="2025-2026",
        number=2,
        date=day,
        place="Мектептің әдістемелік кабинеті",
        held=True,
        chair=people[0],
        secretary=people[1],
        members=tuple(people),
        present=tuple(people[:5]),
        absent=(PrintedAbsence(people[5], "ауруына байланысты"),),
        attendance_marked=True,
        guests=(
            PrintedGuest("Жақсылықова Гүлнар Серікқызы", "директордың оқу ісі жөніндегі орынбасары", ""),
        ),
        items=tuple(agenda),
    )


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--lang", choices=("kk", "ru"), default="kk")
    args = parser.parse_args()
    from metodesk.reports import build_protocol

    data = sample()
    start = time.perf_counter()
    first = build_protocol(data, args.lang)
    cold_ms = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        build_protocol(data, args.lang)
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    pages = page_count(first)
    print(f"protocol: {pages} pages, {len(first) // 1024} KiB, lang {args.lang}")
    if pages != 3:
        print("warning: the sample no longer fills exactly three pages; adjust sample()")
    print(f"first build (imports + fonts): {cold_ms:.1f} ms")
    print(f"median of {args.runs} builds: {median:.1f} ms (min {min(timings):.1f}, max {max(timings):.1f})")
    print(f"ratio to the {TARGET_MS:.0f} ms target: {median / TARGET_MS:.2f}")
    return 0 if median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
