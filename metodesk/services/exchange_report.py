"""What an export or an import did, as lines for the command line and the window."""

from __future__ import annotations

from metodesk.i18n import _, ngettext
from metodesk.services.exchange_format import exchange_tables, table_label
from metodesk.services.exchange_import import ImportReport


def _in_table_order(names: set[str]) -> list[str]:
    order = [info.name for info in exchange_tables()]
    return [n for n in order if n in names] + sorted(names - set(order))


def count_lines(counts: dict[str, int]) -> list[str]:
    """ "Teachers: 15", one line per table with records, parents first."""
    return [
        _("{table}: {count}").format(table=table_label(name), count=counts[name])
        for name in _in_table_order({n for n, c in counts.items() if c})
    ]


def report_lines(report: ImportReport) -> list[str]:
    """The totals, then per table what was added and changed, then the conflicts."""
    lines = []
    if report.dry_run:
        lines.append(_("Preview: nothing was written. Importing this package would do the following."))
    lines.append(
        _("Added: {added}. Changed: {changed}. Already the same: {same}.").format(
            added=report.total_added, changed=report.total_changed, same=report.unchanged
        )
    )
    for name in _in_table_order(set(report.added) | set(report.changed)):
        added, changed = report.added.get(name, 0), report.changed.get(name, 0)
        if added or changed:
            lines.append(
                "  "
                + _("{table}: {added} added, {changed} changed").format(
                    table=table_label(name), added=added, changed=changed
                )
            )
    if report.skipped:
        lines.append(
            ngettext(
                "{count} record was not imported, because a value in it is wrong:",
                "{count} records were not imported, because a value in them is wrong:",
                len(report.skipped),
            ).format(count=len(report.skipped))
        )
        lines.extend(f"  {sentence}" for sentence in report.skipped)
    if report.conflicts:
        lines.append(
            ngettext(
                "{count} conflict:",
                "{count} conflicts:",
                len(report.conflicts),
            ).format(count=len(report.conflicts))
        )
        lines.extend(f"  {sentence}" for sentence in report.conflicts)
    return lines
