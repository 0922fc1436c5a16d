"""`compass`: the TUI by default, plus quick commands for the shell.

Bad input gets one line on stderr and exit code 2; nothing is written.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from compass_tui import __version__
from compass_tui.cli_output import (
    OutputError,
    add_force_option,
    add_output_option,
    claim_outputs,
    may_replace,
    output_file,
    refuse_existing,
)

EXIT_BAD_INPUT = 2
ENCRYPTED_ENV = "COMPASS_ENCRYPTED"
EXIT_REFUSED = 1


def _is_database_error(exc: BaseException) -> bool:
    """Raised by a database or its toolkit (without importing any of them to ask)."""
    import sqlite3

    from compass_tui.domain.errors import WriteRefused

    return isinstance(exc, (sqlite3.Error, WriteRefused)) or any(
        kind.__module__.startswith(("sqlalchemy.", "sqlcipher3", "psycopg"))
        for kind in type(exc).__mro__)


class CliError(Exception):
    """A message for the user; the process exits 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> Parser:
    parser = Parser(prog="compass", description="A career journal for the terminal.")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="database file or SQLAlchemy URL (env COMPASS_DB)")
    parser.add_argument("--encrypted", action="store_true",
                        default=os.environ.get(ENCRYPTED_ENV, "") not in ("", "0"),
                        help="the journal is encrypted (SQLCipher): ask for its passphrase "
                             f"(env {ENCRYPTED_ENV}=1)")
    parser.add_argument("--version", action="version", version=f"compass-tui {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")

    add = commands.add_parser(
        "add", help="quick capture: `compass add yesterday: Met Ana. @mentor`"
    )
    add.add_argument("text", nargs="*", help="entry text; read from stdin when absent")
    add.add_argument("--template", metavar="NAME",
                     help="start from this entry template (weekly-wins, one-to-one, ... or "
                          "one of yours in the config folder's templates/); TEXT follows "
                          "the template's text")

    lst = commands.add_parser("list", help="print entries")
    lst.add_argument("-n", type=int, metavar="N", help="only the N most recent")
    lst.add_argument("--from", dest="date_from", metavar="D", help="from (e.g. 'last month')")
    lst.add_argument("--to", dest="date_to", metavar="D", help="up to and including D")
    lst.add_argument("--tag", action="append", default=[], metavar="T", help="with tag T")
    lst.add_argument("--search", metavar="Q", help="full-text search")
    lst.add_argument("--starred", action="store_true", help="only starred entries")
    lst.add_argument("--format", choices=("text", "json"), default="text")

    export = commands.add_parser("export", help="everything, as JSON or one Markdown document")
    export.add_argument("--format", choices=("json", "markdown"), default="json")
    where = export.add_mutually_exclusive_group()
    add_output_option(export, "write here (whole or not at all) instead of stdout; an "
                      "existing file is replaced only with --force or a yes", group=where)
    where.add_argument("--split", metavar="DIR",
                       help="markdown: one file per entry in this new or empty folder "
                            "(with --force, into a folder that holds files)")

    imp = commands.add_parser("import", help="read an export, a jrnl journal or notes back in")
    imp.add_argument("file", help="the file to read ('-' for standard input; a folder for "
                                  "markdown)")
    imp.add_argument("--format", default="compass",
                     choices=("compass", "jrnl", "jrnl-text", "markdown", "timeline"),
                     help="compass: `compass export` JSON (the default); jrnl: jrnl's "
                          "`--format json` output; jrnl-text: a jrnl journal file; "
                          "markdown: notes named by date (2024-03-14.md); timeline: lines "
                          "like '2015-09: First job, junior analyst'")
    imp.add_argument("--skip-bad", action="store_true",
                     help="import the good records even when some cannot be read")

    commands.add_parser("due", help="due and overdue check-ins, for a login shell")

    insights = commands.add_parser(
        "insights", help="what lifts and drains you: ratings by tag, person, goal and month")
    add_period_options(insights)
    insights.add_argument("--min-entries", type=int, default=None, metavar="N",
                          help="rated entries a tag needs to be ranked (default 5)")
    insights.add_argument("--format", choices=("text", "json"), default="text")

    report = commands.add_parser(
        "report", help="a review of a period: goals, tasks, wins, setbacks, feedback, people")
    add_period_options(report)
    report.add_argument("--format", choices=("markdown", "json"), default="markdown")
    add_output_option(report, "write here (whole or not at all, readable only by you) "
                      "instead of stdout; an existing file is replaced only with --force "
                      "or a yes")

    calendar = commands.add_parser(
        "calendar", help="tasks and goals due and the check-ins, as an iCalendar (.ics) file")
    add_output_option(calendar, "write here (whole or not at all, readable only by you) "
                      "instead of stdout; an existing file is replaced only with --force "
                      "or a yes")

    backup = commands.add_parser("backup", help="consistent copy of the database")
    backup.add_argument("dest", nargs="?", help="file or folder (default: backups/ beside it)")
    backup.add_argument("--keep", type=int, metavar="N",
                        help="then keep only the newest N backups in that folder")
    add_force_option(backup)

    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", help="the backup file")
    restore.add_argument("--yes", action="store_true", help="do not ask first")

    db = commands.add_parser("db", help="look after the database file")
    db_commands = db.add_subparsers(dest="db_command", parser_class=Parser, metavar="ACTION",
                                    required=True)
    check = db_commands.add_parser("check", help="integrity and search index, in plain words")
    check.add_argument("--repair", action="store_true",
                       help="rebuild the search index when it is out of step")
    return parser


def add_period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="D",
                        help="from (e.g. 'last month', '2025-03', '2025-Q1'; default: the "
                             "last 90 days)")
    parser.add_argument("--to", dest="date_to", metavar="D", help="up to and including D")
    parser.add_argument("--all", dest="everything", action="store_true",
                        help="the whole journal")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handler = HANDLERS.get(args.command or "", run_tui)
        claim_outputs(args)
        return handler(args)
    except (CliError, OutputError) as exc:
        print(f"compass: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `compass export | head`: the reader has all it wanted, which is not an error.
        # Standard output is pointed at nothing so the exit's flush stays quiet too.
        quiet_stdout()
        return 0
    except Exception as exc:
        # A write the database refused (full disk, read-only file, a lock held too long):
        # one line, never a traceback. Anything else is a bug and should be seen as one.
        if not _is_database_error(exc):
            raise
        from compass_tui.services.refusal import explain_refusal

        print(f"compass: not saved: the database refused ({explain_refusal(exc)})",
              file=sys.stderr)
        return EXIT_REFUSED


def quiet_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (a test's capture)
        pass
    finally:
        os.close(devnull)


def passphrase_of(args: argparse.Namespace) -> str | None:
    """With --encrypted: asked on the terminal (twice for a new journal), or the first
    line of standard input when there is no terminal; kept in memory only."""
    if not args.encrypted:
        return None
    if getattr(args, "passphrase", None) is not None:
        return args.passphrase  # type: ignore[no-any-return]
    from compass_tui.config import db_file

    path = db_file(args.db)
    if path is None:
        raise CliError("--encrypted works on SQLite files")
    if sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass(f"Passphrase for {path}: ")
        if not path.exists() and getpass.getpass("Again, to be sure: ") != passphrase:
            raise CliError("the two passphrases differ; nothing was created")
    else:
        passphrase = sys.stdin.readline().rstrip("\n")
    if not passphrase:
        raise CliError("an empty passphrase protects nothing")
    args.passphrase = passphrase
    return passphrase


def open_repository(args: argparse.Namespace,
                    announce: Callable[[str], None] | None = None):
    from compass_tui.config import resolve_db_url
    from compass_tui.store.engine import StoreError
    from compass_tui.store.repository import Repository

    try:
        return Repository.open(resolve_db_url(args.db, passphrase_of(args)), announce=announce)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def run_tui(args: argparse.Namespace) -> int:
    """The shell paints first; the journal opens behind it (CompassApp's opener)."""
    from compass_tui.config import Settings
    from compass_tui.ui.app import CompassApp

    passphrase_of(args)  # asked now, while the terminal is still the shell's
    first_page = read_ahead(args)
    opened = []

    def opener(announce: Callable[[str], None]):
        opened.append(open_repository(args, announce))
        return opened[-1]

    app = CompassApp(None, Settings.load(args.db), opener=opener, first_page=first_page)
    try:
        code = app.run()
    finally:
        for repo in opened:
            repo.close()
    if app.open_error is not None:
        raise app.open_error  # said as any other command says it, the terminal restored
    return code or 0


def read_ahead(args: argparse.Namespace):
    """The newest entries, as many as the terminal has lines, read straight from a
    SQLite file already at this version's schema; None for anything else. A file SQLite
    cannot read stops here, before the app draws, with the repository's reason."""
    import shutil

    from compass_tui.config import resolve_db_url
    from compass_tui.store.quick_reads import UnreadableError, first_page, sqlite_file

    path = None if args.encrypted else sqlite_file(resolve_db_url(args.db))
    if path is None:
        return None
    try:
        if path.exists() and not path.is_file():
            raise UnreadableError(f"{path} is not a file")
        return first_page(path, shutil.get_terminal_size().lines)
    except UnreadableError:
        open_repository(args).close()  # the reason in the repository's words
        return None


def run_add(args: argparse.Namespace) -> int:
    template = find_template(args.template) if args.template is not None else None
    text = " ".join(args.text).strip()
    if not text:
        if sys.stdin is None or sys.stdin.isatty():
            print("Write your entry; finish with Ctrl-D." if template is None else
                  "Write what follows the template (or nothing); finish with Ctrl-D.",
                  file=sys.stderr)
        text = (sys.stdin.read() if sys.stdin else "").strip()
    if not text and template is None:
        raise CliError("nothing to write: the entry is empty")
    try:
        entry = quick_add(args, text) if template is None else None
        if entry is None:
            repo = open_repository(args)
            try:
                if template is None:
                    from compass_tui.services.journal import JournalService

                    entry = JournalService(repo).capture(text)
                else:
                    from compass_tui.services.entry_templates import TemplateService

                    entry = TemplateService(repo).capture(template, text)
            finally:
                repo.close()
    except ValueError as exc:
        raise CliError(capture_error_words(exc)) from exc
    print(f"[Entry added for {entry.entry_date:%Y-%m-%d %H:%M}: {entry.title}]", file=sys.stderr)
    return 0


def quick_add(args: argparse.Namespace, text: str):
    """Straight into a SQLite file at this version's schema (store/quick_capture.py,
    the same rows as the repository writes); None when the file is not written so."""
    if args.encrypted:
        return None
    from compass_tui.config import resolve_db_url
    from compass_tui.store.quick_reads import UnreadableError, sqlite_file

    path = sqlite_file(resolve_db_url(args.db))
    if path is None:
        return None
    from compass_tui.domain.capture import parse_capture
    from compass_tui.services.clock import system_clock
    from compass_tui.store.quick_capture import add_entry

    capture = parse_capture(text, system_clock())
    try:
        return add_entry(path, capture.when, capture.title, capture.body, capture.tags)
    except UnreadableError:
        return None  # the repository says why, in its words


def capture_error_words(exc: ValueError) -> str:
    """What is wrong with the text given to `compass add`, and that nothing was written.
    (Asked without importing the models or the date parser when neither was used.)"""
    if type(exc).__module__.startswith("pydantic"):
        from compass_tui.domain.errors import describe

        return f"{describe(exc)}; nothing was written"  # type: ignore[arg-type]
    dates = sys.modules.get("compass_tui.domain.dates")
    if dates is not None and isinstance(exc, dates.DateParseError):
        return (f"{exc}; nothing was written (to keep it as text, start with another "
                "word)")
    return str(exc)


def find_template(name: str):
    """The named template, read and checked before anything else happens."""
    from compass_tui.domain.entry_templates import TemplateError
    from compass_tui.services.entry_templates import TemplateLibrary, TemplateNotFound

    try:
        return TemplateLibrary().get(name)
    except (TemplateNotFound, TemplateError) as exc:
        raise CliError(str(exc)) from exc


def run_list(args: argparse.Namespace) -> int:
    """A SQLite file at this version's schema is read straight (quick_reads), without
    the database toolkit; anything else through the repository."""
    from compass_tui.services.entry_format import entry_to_dict, entry_to_text

    if args.n is not None and args.n < 1:
        raise CliError("-n must be a positive number")
    start, end = list_period(args)
    filters = {"text": args.search or "", "tags": args.tag,
               "starred": True if args.starred else None, "date_from": start,
               "date_to": end, "limit": args.n}
    entries = quick_list(args, filters)
    if entries is None:
        from compass_tui.domain.entries import EntryQuery
        from compass_tui.services.journal import JournalService

        repo = open_repository(args)
        try:
            entries = JournalService(repo).entries(EntryQuery(**filters))
        finally:
            repo.close()
    entries = list(reversed(entries))  # oldest first, like a diary
    if args.format == "json":
        json.dump([entry_to_dict(e) for e in entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(entry_to_text(e) for e in entries))
    return 0


def list_period(args: argparse.Namespace):
    """--from's start and --to's end (exclusive), as the journal reads such phrases."""
    if not (args.date_from or args.date_to):
        return None, None
    from compass_tui.domain.dates import DateParseError, parse_period
    from compass_tui.services.clock import system_clock

    try:
        start = parse_period(args.date_from, system_clock())[0] if args.date_from else None
        end = parse_period(args.date_to, system_clock())[1] if args.date_to else None
    except DateParseError as exc:
        raise CliError(f"{exc} (try 'yesterday', 'last month', '2025-03')") from exc
    return start, end


def quick_list(args: argparse.Namespace, filters: dict):
    """The entries read straight from the file, or None when it is not read that way."""
    if args.encrypted:
        return None
    from compass_tui.config import resolve_db_url
    from compass_tui.store.quick_reads import UnreadableError, list_entries, sqlite_file

    path = sqlite_file(resolve_db_url(args.db))
    if path is None:
        return None
    try:
        return list_entries(path, **filters)
    except UnreadableError:
        return None  # the repository says why, in its words


def run_export(args: argparse.Namespace) -> int:
    from compass_tui.domain.schedule import ScheduleError
    from compass_tui.services.export import ExportService
    from compass_tui.services.markdown_export import MarkdownExport
    from compass_tui.services.schedule_file import load_schedule

    try:
        schedule = load_schedule()  # before a byte is written: a bad file stops here
    except ScheduleError as exc:
        raise CliError(str(exc)) from exc
    if args.split is not None:
        return run_split_export(args)

    dest = args.output  # checked, and a replacement agreed to, before any work
    repo = open_repository(args)
    try:
        service = ExportService(repo, schedule=schedule)
        markdown = MarkdownExport(repo)
        if dest is None:
            if args.format == "markdown":
                markdown.write(sys.stdout)
            else:
                service.write_json(sys.stdout)
            return 0
        with output_file(dest) as out:
            if args.format == "markdown":
                said = f"{markdown.write(out)} entries and everything else"
            else:
                counts = service.write_json(out)
                said = (f"{counts.entries} entries, {counts.values} values, "
                        f"{counts.goals} goals and {counts.timeline} timeline events")
    finally:
        repo.close()
    print(f"Exported {said} to {dest.path}", file=sys.stderr)
    return 0


def read_input_file(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name).expanduser()
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise CliError(f"{path} is a folder; name a file") from None
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None


def run_import(args: argparse.Namespace) -> int:
    if args.format != "timeline":
        return run_import_records(args)
    from compass_tui.services.timeline import TimelineImportError, TimelineService

    text = read_input_file(args.file)
    repo = open_repository(args)
    try:
        try:
            summary = TimelineService(repo).import_lines(text, skip_bad=args.skip_bad)
        except TimelineImportError as exc:
            for error in exc.errors:
                print(f"compass: {error}", file=sys.stderr)
            raise CliError(f"{exc} (fix them, or add --skip-bad)") from exc
    finally:
        repo.close()
    for error in summary.refused:
        print(f"compass: skipped {error}", file=sys.stderr)
    print(f"Timeline: {summary.words()}.")
    return 0


def run_import_records(args: argparse.Namespace) -> int:
    """Every record read and checked before the database is opened; then one transaction."""
    from compass_tui.services.importers.bulk import collector_paused

    with collector_paused():
        return import_records(args)


def import_records(args: argparse.Namespace) -> int:
    from compass_tui.services.errors import WriteRefused
    from compass_tui.services.importers import (
        ImportFileError,
        ImportRefusedError,
        ImportService,
        read_batch,
    )

    try:
        batch = read_batch(args.format, args.file)
    except ImportFileError as exc:
        raise CliError(str(exc)) from exc
    if batch.refused and not args.skip_bad:
        for refusal in batch.refused:
            print(f"compass: {refusal}", file=sys.stderr)
        raise CliError(f"{ImportRefusedError(batch.refused)} (fix them, or add --skip-bad)")
    repo = open_repository(args)
    try:
        summary = ImportService(repo).write(batch, skip_bad=args.skip_bad)
    except WriteRefused as exc:
        raise CliError("nothing was imported: the database refused the write "
                       f"({exc})") from exc
    finally:
        repo.close()
    for refusal in summary.refused:
        print(f"compass: skipped {refusal}", file=sys.stderr)
    print(summary.words())
    return 0


def run_due(args: argparse.Namespace) -> int:
    """One or two plain lines, or nothing. It runs at every login, so the database is
    read directly, read-only, without the database toolkit: a SQLite file with the
    standard library, PostgreSQL with psycopg alone. Other URLs go through the
    repository."""
    from compass_tui.config import resolve_db_url
    from compass_tui.domain.schedule import KINDS, ScheduleError
    from compass_tui.services.due import build_report
    from compass_tui.services.schedule_file import load_schedule
    from compass_tui.store.due_reader import (
        UnreadableError,
        read_server_states,
        read_states,
        server_url,
        sqlite_file,
    )

    try:
        schedule = load_schedule()
    except ScheduleError as exc:
        raise CliError(str(exc)) from exc
    kinds = tuple(kind for kind in KINDS if schedule.enabled(kind))
    if not kinds or args.encrypted:
        return 0  # an encrypted journal is not read without its passphrase: stay quiet
    now = schedule.local(datetime.now())
    url = resolve_db_url(args.db)
    path, server = sqlite_file(url), server_url(url)
    if server is not None and importlib.util.find_spec("psycopg") is None:
        server = None  # no driver for the quick way: the repository says what is missing
    if path is not None or server is not None:
        try:
            states = (read_states(path, kinds, now.date()) if path is not None
                      else read_server_states(server, kinds, now.date()))
        except UnreadableError as exc:
            raise CliError(str(exc)) from exc
        report = build_report(schedule, states, now)
    else:
        from compass_tui.services.checkins import CheckinService

        repo = open_repository(args)
        try:
            report = CheckinService(repo, schedule=schedule).report(create=False)
        finally:
            repo.close()
    lines = report.lines()
    if lines:
        print("compass: " + " · ".join(lines))
        if report.actionable:
            print("  run `compass` and press ctrl+k to start")
    return 0


def period_of_args(args: argparse.Namespace, clock):
    from compass_tui.domain.dates import DateParseError
    from compass_tui.domain.insights import PeriodError, period_of

    try:
        return period_of(args.date_from, args.date_to, clock(), everything=args.everything)
    except PeriodError as exc:
        raise CliError(str(exc)) from exc
    except DateParseError as exc:
        raise CliError(f"{exc} (try 'last month', '2025-03', '2025-Q1' or "
                       "'2025-03-14')") from exc


def run_insights(args: argparse.Namespace) -> int:
    from compass_tui.services.clock import system_clock
    from compass_tui.services.insights import InsightsService
    from compass_tui.services.insights_format import EMPTY_JOURNAL, insights_json, insights_text

    if args.min_entries is not None and args.min_entries < 1:
        raise CliError("--min-entries must be 1 or more")
    period = period_of_args(args, system_clock)
    chosen = {"min_entries": args.min_entries} if args.min_entries else {}
    insights = None
    reader = quick_insights(args)
    if reader is not None:
        from compass_tui.store.quick_insights import UnreadableError

        try:
            insights = InsightsService.from_file(reader, system_clock, **chosen).insights(
                period)
        except UnreadableError:
            pass  # read the repository's way, which says what is wrong in its words
        finally:
            reader.close()
    if insights is None:
        repo = open_repository(args)
        try:
            insights = InsightsService(repo, system_clock, **chosen).insights(period)
        finally:
            repo.close()
    if args.format == "json":
        json.dump(insights_json(insights), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif insights.first_day is None:
        print(EMPTY_JOURNAL)
    else:
        sys.stdout.write(insights_text(insights))
    return 0


def quick_insights(args: argparse.Namespace):
    """A reader straight over a SQLite file or a PostgreSQL server at this version's
    schema, or None: the repository reads (and says why it cannot) any other journal."""
    if args.encrypted:
        return None
    from compass_tui.config import resolve_db_url
    from compass_tui.store.due_reader import server_url, sqlite_file
    from compass_tui.store.quick_insights import (
        UnreadableError,
        open_quick_insights,
        open_server_insights,
    )

    url = resolve_db_url(args.db)
    path, server = sqlite_file(url), server_url(url)
    try:
        if path is not None:
            return open_quick_insights(path)
        if server is not None and importlib.util.find_spec("psycopg") is not None:
            return open_server_insights(server)
    except UnreadableError:
        pass
    return None


def run_report(args: argparse.Namespace) -> int:
    from compass_tui.services.clock import system_clock
    from compass_tui.services.review import ReviewService
    from compass_tui.services.review_format import review_json, review_markdown

    period = period_of_args(args, system_clock)
    dest = args.output  # checked, and a replacement agreed to, before any work
    repo = open_repository(args)
    try:
        review = ReviewService(repo, system_clock).build(period)
    finally:
        repo.close()
    if args.format == "json":
        text = json.dumps(review_json(review), ensure_ascii=False, indent=2) + "\n"
    else:
        text = review_markdown(review)
    if dest is None:
        sys.stdout.write(text)
        return 0
    with output_file(dest) as out:
        out.write(text)
    print(f"Wrote the review of {review.period.words()} to {dest.path}", file=sys.stderr)
    return 0


def run_calendar(args: argparse.Namespace) -> int:
    from compass_tui.domain.schedule import ScheduleError
    from compass_tui.services.calendar_export import CalendarService
    from compass_tui.services.schedule_file import load_schedule

    try:
        schedule = load_schedule()  # before a byte is written: a bad file stops here
    except ScheduleError as exc:
        raise CliError(str(exc)) from exc
    dest = args.output
    repo = open_repository(args)
    try:
        service = CalendarService(repo, schedule=schedule)
        if dest is None:
            service.write(sys.stdout)
            return 0
        with output_file(dest) as out:
            count = service.write(out)
    finally:
        repo.close()
    print(f"Wrote {count} events to {dest.path}", file=sys.stderr)
    return 0


def run_split_export(args: argparse.Namespace) -> int:
    from compass_tui.services.split_export import holds_files, write_split

    if args.format != "markdown":
        raise CliError("--split goes with --format markdown")
    folder = Path(args.split).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file; name a new or empty folder")
    into = holds_files(folder)
    if into and not may_replace(args.force, f"{folder} already holds files. Write into "
                                "it, replacing files of the same name?"):
        raise CliError(f"{folder} already holds files; nothing was written (name a new "
                       "or empty folder, or add --force to write into it)")
    repo = open_repository(args)
    try:
        count = write_split(repo, folder, into_existing=into)
    except FileExistsError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot write {folder}: {exc.strerror or exc}") from exc
    finally:
        repo.close()
    print(f"Exported {count} entries, one file each, to {folder}", file=sys.stderr)
    return 0


def run_backup(args: argparse.Namespace) -> int:
    import sqlite3

    from compass_tui.store.backup import backup_sqlite_file, timestamped_name
    from compass_tui.store.maintenance import prune

    if args.keep is not None and args.keep < 1:
        raise CliError("--keep must be 1 or more")
    server = server_url_of(args)
    if server is not None:
        return backup_server(server, args)
    source = sqlite_file_of(args)
    key = passphrase_of(args)
    name = timestamped_name(source, "backup")
    named = False  # a file the user named, not one named by the clock
    if args.dest is None:
        dest = source.parent / "backups" / name
    else:
        dest = Path(args.dest).expanduser()
        if dest.is_dir():
            dest = dest / name
        elif not dest.parent.is_dir():
            raise CliError(f"no such folder: {dest.parent}")
        else:
            named = True
    if dest.resolve() == source.resolve():
        raise CliError("the backup cannot replace the database it copies")
    if named:
        refuse_existing(dest, args.force)
    try:
        backup_sqlite_file(source, dest, key)
    except (sqlite3.Error, OSError) as exc:
        raise CliError(f"backup to {dest} failed: {exc}") from exc
    if args.keep is not None:
        # Only this database's own timestamped backups in that folder are pruned.
        for old in prune(source, "backup", args.keep, folder=dest.parent):
            print(f"removed {old}", file=sys.stderr)
    print(dest)
    return 0


def server_url_of(args: argparse.Namespace):
    """The URL when the journal is on a database server (None for a SQLite file)."""
    from compass_tui.config import resolve_db_url

    chosen = resolve_db_url(args.db)
    if "://" not in chosen or chosen.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url

    return make_url(chosen)


def backup_server(url, args: argparse.Namespace) -> int:
    """pg_dump's custom format (what pg_restore reads), made while the app may write."""
    from compass_tui.store.backup import timestamped_name
    from compass_tui.store.maintenance import prune
    from compass_tui.store.pg_dump import DumpError, dump, stand_in

    if url.get_backend_name() != "postgresql":
        raise CliError("backup works on SQLite files and PostgreSQL; use your database "
                       "server's tools")
    open_repository(args).close()  # reachable, and at this version's schema
    stand = stand_in(url)
    name = timestamped_name(stand, "backup")
    if args.dest is None:
        dest = stand.parent / "backups" / name
    else:
        dest = Path(args.dest).expanduser()
        if dest.is_dir():
            dest = dest / name
        elif not dest.parent.is_dir():
            raise CliError(f"no such folder: {dest.parent}")
    try:
        dump(url, dest)
    except DumpError as exc:
        raise CliError(str(exc)) from exc
    if args.keep is not None:
        for old in prune(stand, "backup", args.keep, folder=dest.parent):
            print(f"removed {old}", file=sys.stderr)
    print(dest)
    return 0


def sqlite_file_of(args: argparse.Namespace) -> Path:
    """The database file (opened and migrated first, so it is known to be ours)."""
    from compass_tui.store.engine import sqlite_path

    repo = open_repository(args)
    try:
        source = sqlite_path(repo.engine.url)
    finally:
        repo.close()
    if source is None:
        raise CliError("this works on SQLite files; use your database server's tools")
    return source


def run_restore(args: argparse.Namespace) -> int:
    from compass_tui.config import resolve_db_url
    from compass_tui.store.due_reader import sqlite_file
    from compass_tui.store.maintenance import MaintenanceError, restore

    target = sqlite_file(resolve_db_url(args.db))
    if target is None:
        server = server_url_of(args)
        if server is not None and server.get_backend_name() == "postgresql":
            from compass_tui.store.pg_dump import libpq_target

            raise CliError("on PostgreSQL, restore a `compass backup` with pg_restore, "
                           "which replaces what the database holds: pg_restore --clean "
                           f"--if-exists --no-owner --dbname '{libpq_target(server)[0]}' "
                           f"{args.file}")
        raise CliError("restore works on SQLite files; use your database server's tools")
    backup = Path(args.file).expanduser()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("restore replaces the whole database: confirm with --yes")
        answer = input(f"Replace everything in {target} with {backup}? "
                       "(a backup of it is made first) [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing changed.")
            return 0
    key = passphrase_of(args)  # backups of an encrypted journal use its key
    try:
        safety = restore(backup, target, key=key)
    except MaintenanceError as exc:
        raise CliError(str(exc)) from exc
    if safety is not None:
        print(f"The database as it was is kept in {safety}", file=sys.stderr)
    print(f"Restored {target} from {backup}")
    return 0


def run_db(args: argparse.Namespace) -> int:
    from compass_tui.config import resolve_db_url
    from compass_tui.store.due_reader import sqlite_file
    from compass_tui.store.maintenance import (
        MaintenanceError,
        check_database,
        rebuild_search_index,
    )

    path = sqlite_file(resolve_db_url(args.db))
    if path is None:
        return check_server_database(args)
    key = passphrase_of(args)
    try:
        report = check_database(path, key)
        if args.repair and not report.ok:
            rebuild_search_index(path, key)
            print("Search index rebuilt from the entries; checking again.")
            report = check_database(path, key)
    except MaintenanceError as exc:
        raise CliError(str(exc)) from exc
    return print_report(report, str(path),
                        "Run `compass db check --repair` to rebuild the search index; for "
                        "damage to the file itself, restore a backup (`compass restore FILE`).")


def check_server_database(args: argparse.Namespace) -> int:
    from compass_tui.store.server_check import check_server, repair_search_text

    server = server_url_of(args)
    if server is None or server.get_backend_name() != "postgresql":
        raise CliError("db check works on SQLite files and PostgreSQL")
    repo = open_repository(args)
    try:
        report = check_server(repo.engine)
        if args.repair and not report.ok:
            fixed = repair_search_text(repo.engine)
            print(f"Search text written again for {fixed} entries; checking again.")
            report = check_server(repo.engine)
    finally:
        repo.close()
    return print_report(report, server.render_as_string(hide_password=True),
                        "Run `compass db check --repair` to write the search index again; "
                        "for rows that point at nothing, restore a backup (see README).")


def print_report(report, where: str, advice: str) -> int:
    for fact in report.facts:
        print(fact)
    for problem in report.problems:
        print(f"Problem: {problem}")
    if report.ok:
        print(f"{where}: all good.")
        return 0
    print(advice)
    return 1


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "add": run_add,
    "list": run_list,
    "export": run_export,
    "due": run_due,
    "calendar": run_calendar,
    "insights": run_insights,
    "report": run_report,
    "import": run_import,
    "backup": run_backup,
    "restore": run_restore,
    "db": run_db,
}
