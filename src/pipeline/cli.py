"""The command line. The one place where errors become exit codes and one line of text.

Exit codes: 0 all well; 1 the run completed but some articles or sources
failed (or a command failed); 2 usage or configuration error; 75 another run
holds the lock (EX_TEMPFAIL: cron may simply try again later).
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import filelock

from pipeline import logs, render
from pipeline.config import Settings, SourceConfig, load_glossary, load_settings
from pipeline.encoding import decode_html
from pipeline.errors import ConfigError, LockHeld, PipelineError, Skip
from pipeline.extract import extract_html
from pipeline.models import State
from pipeline.review import ReviewDesk
from pipeline.runner import Pipeline, Report
from pipeline.sources import build_source, canonical_url
from pipeline.translate import Glossary

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2  # 75 comes with LockHeld
T = TypeVar("T")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, help="settings file (default: $PIPELINE_CONFIG "
                        "or config/pipeline.toml)")
    parser.add_argument("--log-format", choices=["auto", "text", "json"], default="auto",
                        help="json lines (default when stderr is not a terminal) or text")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="discover, fetch, extract and translate new articles; "
                         "publish approved ones")
    run.add_argument("--refresh", action="store_true",
                     help="re-fetch known articles; a changed page becomes a new revision")
    run.add_argument("--no-publish", action="store_true", help="leave approved articles")

    fetch = sub.add_parser("fetch", help="one URL in, an English draft out")
    fetch.add_argument("url")
    fetch.add_argument("--json", action="store_true", help="print the draft as JSON")
    fetch.add_argument("--save", action="store_true", help="also add it to the store for review")

    extract = sub.add_parser("extract", help="print the article extracted from a file or URL")
    extract.add_argument("target", metavar="FILE_OR_URL")
    extract.add_argument("--json", action="store_true", help="same as --format json")
    extract.add_argument("--format", choices=["json", "text"], default=None)

    review = sub.add_parser("review", help="list, show, edit, approve or reject drafts")
    rsub = review.add_subparsers(dest="action", required=True, metavar="ACTION")
    rsub.add_parser("list", help="drafts waiting for review")
    show = rsub.add_parser("show", help="source and English side by side")
    show.add_argument("id", type=int)
    edit = rsub.add_parser("edit", help="replace the English of one segment")
    edit.add_argument("id", type=int)
    edit.add_argument("segment", help="segment id, as `review show` prints it (h, p0.s1, …)")
    edit.add_argument("text")
    edit.add_argument("--reviewer")
    approve = rsub.add_parser("approve", help="approve drafts for publishing")
    approve.add_argument("id", type=int, nargs="?")
    approve.add_argument("--all", action="store_true", help="every draft waiting for review")
    approve.add_argument("--reviewer", required=True)
    reject = rsub.add_parser("reject", help="reject a draft; it will not be published")
    reject.add_argument("id", type=int)
    reject.add_argument("--note", required=True)
    reject.add_argument("--reviewer")

    record = sub.add_parser("record", help="save live responses for offline replay")
    record.add_argument("urls", nargs="*", metavar="URL")
    record.add_argument("--source", action="append", default=[], metavar="ID",
                        help="record what discovering this source and its articles fetches")
    record.add_argument("--into", type=Path, required=True, help="the recording directory")

    retry = sub.add_parser("retry", help="give failed articles a fresh set of attempts")
    retry.add_argument("ids", type=int, nargs="*", metavar="ID", help="default: all failed")

    sub.add_parser("publish", help="publish approved articles")
    status = sub.add_parser("status", help="articles per state and source; failures")
    status.add_argument("--json", action="store_true")
    return parser


def _progress(enabled: bool) -> Any:
    def bar(items: list[T], label: str) -> Iterable[T]:
        if not enabled or not items:
            return items
        from tqdm import tqdm

        return tqdm(items, desc=f"{label:>9}", unit="item", file=sys.stderr, leave=False)
    return bar


class Locked:
    """A non-blocking file lock: a second run exits 75 instead of waiting."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.lock = filelock.FileLock(str(path), timeout=0)

    def __enter__(self) -> None:
        try:
            self.lock.acquire()
        except filelock.Timeout:
            raise LockHeld("another run holds the lock", subject=str(self.lock.lock_file)) \
                from None

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    with Locked(settings.lock_file):
        progress = _progress(sys.stderr.isatty() and not logs.use_json(args.log_format))
        pipeline = Pipeline.from_settings(settings, progress=progress)
        try:
            report = pipeline.run(refresh=args.refresh, publish=not args.no_publish)
            print(render.summary(report, pipeline.store.counts()))
            if report.done.get("published"):
                print(f"English articles: {settings.publish.out_dir.resolve()}")
        finally:
            pipeline.close()
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_publish(args: argparse.Namespace, settings: Settings) -> int:
    with Locked(settings.lock_file):
        pipeline = Pipeline.from_settings(settings)
        try:
            report = Report()
            pipeline.publish_approved(report)
            print(f"published {report.done['published']} article(s), "
                  f"{report.done['files']} file(s) in {settings.publish.out_dir.resolve()}")
            for failure in report.failures:
                print(f"FAILED at publish: {failure.subject}: {failure.error}")
        finally:
            pipeline.close()
    return EXIT_OK if report.ok else EXIT_FAILED


def _source_for(url: str, sources: list[SourceConfig]) -> SourceConfig:
    """The configured source whose pages live on ``url``'s host, else an ad-hoc one."""
    host = urlsplit(url).hostname or ""
    for source in sources:
        if any(urlsplit(u).hostname == host for u in source.entry_urls()):
            return source
    return SourceConfig(id="web", kind="adhoc", outlet_zh=host or "web", outlet_en=host or "web")


def cmd_fetch(args: argparse.Namespace, settings: Settings) -> int:
    pipeline = Pipeline.from_settings(settings, one_off=True)
    try:
        url = canonical_url(args.url)
        source = _source_for(url, pipeline.sources)
        pipeline.extractor.sources.setdefault(source.id, source)
        page = pipeline.fetcher.fetch(url)
        article = pipeline.extractor.extract(page, source.id)
        draft = pipeline.translator.translate(article)
        print(draft.model_dump_json(indent=2) if args.json else render.draft_markdown(draft))
        if args.save:
            new_id = pipeline.save_draft(source.id, url, page, draft)
            print(f"saved as #{new_id} for review" if new_id else "already in the store",
                  file=sys.stderr)
    finally:
        pipeline.close()
    return EXIT_OK


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    target = args.target
    if Path(target).exists():
        text, _ = decode_html(Path(target).read_bytes())
        found = extract_html(text, None)
    elif target.startswith(("http://", "https://")):
        pipeline = Pipeline.from_settings(settings, one_off=True)
        try:
            source = _source_for(canonical_url(target), pipeline.sources)
            page = pipeline.fetcher.fetch(canonical_url(target))
            found = extract_html(page.text, page.final_url, source.selectors)
        finally:
            pipeline.close()
    else:
        raise ConfigError("no such file, and not an http(s) URL", file=target)
    fmt = "json" if args.json else (args.format or "json")
    print(render.extraction_json(found) if fmt == "json" else found.body)
    return EXIT_OK


def cmd_record(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.fetch.record import RecordingTransport

    if not args.urls and not args.source:
        print("pipeline: error: give URLs or --source ID", file=sys.stderr)
        return EXIT_USAGE
    live = settings.model_copy(update={"fetch": settings.fetch.model_copy(
        update={"replay_dir": None})})
    recorder = RecordingTransport(args.into)
    pipeline = Pipeline.from_settings(live, transport=recorder, one_off=not args.source)
    failed = 0
    try:
        urls = list(args.urls)
        for source_id in args.source:
            config = next((s for s in pipeline.sources if s.id == source_id), None)
            if config is None:
                valid = ", ".join(s.id for s in pipeline.sources)
                raise ConfigError(f"unknown source {source_id!r}; valid: {valid}",
                                  file=str(settings.sources_file))
            urls += build_source(config).discover(pipeline.fetcher, pipeline.dates())
        for url in urls:
            try:
                pipeline.fetcher.fetch(canonical_url(url))
            except PipelineError as exc:
                failed += 1
                print(f"FAILED {exc}", file=sys.stderr)
    finally:
        pipeline.close()
    print(f"recorded {len(urls) - failed} page(s) in {args.into} "
          f"({len(recorder)} responses in its manifest)")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.store import Store

    store = Store.open(settings.store_url)
    desk = ReviewDesk(store)
    try:
        if args.action == "list":
            print(render.review_list(desk.pending()))
        elif args.action == "show":
            row, draft = desk.get(args.id)
            glossary = Glossary(load_glossary(settings.glossary_file, missing_ok=True))
            print(render.side_by_side(row, draft, glossary))
        elif args.action == "edit":
            desk.edit(args.id, args.segment, args.text, args.reviewer)
            print(f"#{args.id} [{args.segment}] updated")
        elif args.action == "approve":
            if args.all == (args.id is not None):
                print("pipeline: error: give an article id or --all", file=sys.stderr)
                return EXIT_USAGE
            if args.all:
                ids = desk.approve_all(args.reviewer)
            else:
                desk.approve(args.id, args.reviewer)
                ids = [args.id]
            print(f"approved {len(ids)} article(s) as {args.reviewer}")
        elif args.action == "reject":
            desk.reject(args.id, args.note, args.reviewer)
            print(f"#{args.id} rejected")
    finally:
        store.close()
    return EXIT_OK


def cmd_retry(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.store import Store

    store = Store.open(settings.store_url)
    try:
        n = store.requeue_failed(ids=args.ids or None)
    finally:
        store.close()
    print(f"{n} failed article(s) will be retried by the next run")
    return EXIT_OK


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.store import Store

    store = Store.open(settings.store_url)
    try:
        counts = store.counts()
        failed = store.rows(State.FAILED)
        if args.json:
            print(json.dumps({"counts": counts, "chars_translated": store.chars_translated(),
                              "failures": [{"id": r.id, "url": r.url, "stage": r.failed_stage,
                                            "attempts": r.attempts, "error": r.last_error}
                                           for r in failed]}, ensure_ascii=False, indent=2))
            return EXIT_OK
        print(render.state_table(counts))
        print(f"characters translated: {store.chars_translated():,}")
        for row in failed:
            print(f"failed #{row.id} at {row.failed_stage} after {row.attempts} attempt(s): "
                  f"{row.url}: {row.last_error}")
    finally:
        store.close()
    return EXIT_OK


COMMANDS = {"run": cmd_run, "fetch": cmd_fetch, "extract": cmd_extract, "review": cmd_review,
            "record": cmd_record, "retry": cmd_retry, "publish": cmd_publish,
            "status": cmd_status}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.configure(args.log_format, args.verbose)
    try:
        settings = load_settings(args.config)
        return COMMANDS[args.command](args, settings)
    except PipelineError as exc:
        print(f"pipeline: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except Skip as skip:  # a one-off command on a page that is no article
        print(f"pipeline: {skip.reason.replace('_', ' ')}: {skip}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("pipeline: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if args.verbose:
            traceback.print_exc()
        print(f"pipeline: internal error: {exc!r} (a bug; -v shows the traceback)",
              file=sys.stderr)
        return EXIT_FAILED
