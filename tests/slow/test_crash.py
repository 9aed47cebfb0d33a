"""Pulling the plug: a process that writes records through the services is
killed with SIGKILL at random moments, 220 times: one time in ten while it
opens the database, otherwise after a random 4-7 commits, at a random moment
of the transaction that follows (counting commits rather than sleeping fixed
times keeps the proof the same on a fast or a loaded machine, and short).
After every kill the
database passes ``PRAGMA integrity_check``, holds every record whose commit
had returned (the writer prints each id right after its commit), and holds no
half of a transaction (every agenda item the writer made has its decision).

Starting Python with SQLAlchemy 220 times would take minutes, so a small
"zygote" process imports everything once and forks a fresh writer on request;
each writer opens the database itself through ``open_database`` (nothing is
open across the fork) and is killed by this test, not by the zygote.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from metodesk.services import demo
from metodesk.services.setup import prepare_database
from metodesk.storage.models import Meeting, Organisation, Subject

ROOT = Path(__file__).resolve().parents[2]
KILLS = 220
MARK = "Crash"

ZYGOTE = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from metodesk.storage.database import open_database
    from metodesk.services import agenda, decisions, teachers
    from sqlalchemy.orm import configure_mappers

    configure_mappers()  # once here, not in every writer

    def say(text):
        # One write(2) per line: atomic on a pipe, so a kill never leaves half a line
        # for the next message to run into (print may split text and newline).
        os.write(1, (text + "\\n").encode())

    path, org = Path(sys.argv[1]), int(sys.argv[2])
    subject_ids = [int(x) for x in sys.argv[3].split(",")]
    meeting_ids = [int(x) for x in sys.argv[4].split(",")]

    def writer(generation):
        db = open_database(path)
        number = 0
        while True:
            number += 1
            name = f"{MARK} {generation}-{number}"
            if number % 2:
                with db.transaction() as s:
                    tid = teachers.save_teacher(s, teachers.TeacherInput(
                        surname=name, first_name="Test", organisation_id=org, subject_ids=subject_ids))
                say(f"w teacher {tid}")
            else:
                meeting = meeting_ids[number % len(meeting_ids)]
                with db.transaction() as s:
                    item = agenda.save_item(s, meeting, agenda.ItemInput(title=name))
                    dec = decisions.save_decision(s, item, decisions.DecisionInput(text=name))
                say(f"w agenda_item {item} decision {dec}")

    for line in sys.stdin:
        word, _, arg = line.strip().partition(" ")
        if word == "fork":
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                try:
                    writer(int(arg))
                except BaseException as exc:
                    say(f"error {type(exc).__name__}: {exc}")
                finally:
                    os._exit(3)
            say(f"pid {pid}")
        elif word == "reap":
            os.waitpid(int(arg), 0)
            say(f"reaped {arg}")
    """
).replace("{MARK}", MARK)


def _setup(folder: Path) -> tuple[Path, int, list[int], list[int]]:
    path = folder / "metodesk.sqlite3"
    db = prepare_database(path)
    with db.transaction() as session:
        demo.fill_demo(session)
        org = session.scalar(select(Organisation.id).where(Organisation.is_ours.is_(True)))
        subjects = list(session.scalars(select(Subject.id).order_by(Subject.id).limit(2)))
        meetings = list(session.scalars(select(Meeting.id).order_by(Meeting.id)))
    db.close()
    return path, org, subjects, meetings


def _check(path: Path, written: dict[str, set[int]]) -> None:
    conn = sqlite3.connect(path, timeout=10)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, ids in written.items():
            found = {row[0] for row in conn.execute(f'SELECT id FROM "{table}"')}
            missing = ids - found
            assert not missing, f"{table}: committed but missing {sorted(missing)[:5]}"
        # No half transactions: every item the writers made has exactly its one decision.
        orphans = conn.execute(
            "SELECT count(*) FROM agenda_item i WHERE i.title LIKE ? AND "
            "(SELECT count(*) FROM decision d WHERE d.item_id = i.id AND d.text = i.title) != 1",
            (f"{MARK} %",),
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()


@pytest.mark.slow
def test_records_survive_sigkill_at_random_moments(tmp_path: Path) -> None:
    path, org, subjects, meetings = _setup(tmp_path)
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    zygote = subprocess.Popen(
        [
            sys.executable,
            "-c",
            ZYGOTE,
            str(path),
            str(org),
            ",".join(map(str, subjects)),
            ",".join(map(str, meetings)),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    written: dict[str, set[int]] = {"teacher": set(), "agenda_item": set(), "decision": set()}
    errors: list[str] = []

    commits = 0

    def read_line() -> str:
        nonlocal commits
        line = zygote.stdout.readline()
        assert line, "the zygote process ended"
        if line.startswith("w "):
            commits += 1
            words = line.split()[1:]
            for table, value in zip(words[::2], words[1::2], strict=True):
                written[table].add(int(value))
        elif line.startswith("error "):
            errors.append(line.strip())
        assert not errors, f"seed {seed}: {errors[:3]}"
        return line

    def read_until(prefix: str) -> str:
        while not (line := read_line()).startswith(prefix):
            pass
        return line.split()[1]

    started = time.monotonic()
    try:
        for generation in range(KILLS):
            zygote.stdin.write(f"fork {generation}\n")
            zygote.stdin.flush()
            pid = int(read_until("pid "))
            if generation % 10:  # else right away, while it opens the database
                target = commits + rng.randint(4, 7)
                while commits < target:
                    read_line()
                time.sleep(rng.uniform(0, 0.03))  # a random moment of the next transaction
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(f"reap {pid}\n")
            zygote.stdin.flush()
            read_until(f"reaped {pid}")
            assert not errors, f"seed {seed}: {errors[:3]}"
            _check(path, written)
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    elapsed = time.monotonic() - started
    total = sum(len(ids) for ids in written.values())
    assert len(written["teacher"]) > KILLS and len(written["decision"]) > KILLS, (
        f"seed {seed}: too few writes"
    )
    print(f"{KILLS} kills, {total} records committed and found, {elapsed:.1f} s (seed {seed})")
    # The database still opens the usual way.
    db = prepare_database(path)
    db.close()
