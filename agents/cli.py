"""The ``wirewatch`` command line: broker, worker, publish, tail, replay, topics, classify, languages, rules."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from agents.publish import publish_paths, read_inputs
from stream.errors import ConfigError, InputError, WirewatchError
from stream.settings import Settings

__all__ = ["main"]

# -- commands --------------------------------------------------------------------------------------


def cmd_broker(args: argparse.Namespace, settings: Settings) -> int:
    from agents.localbroker import LocalBroker

    broker = LocalBroker(settings)
    if args.action == "start":
        print(f"Kafka {settings.kafka_version}: {broker.start()}")
    elif args.action == "stop":
        print("stopped" if broker.stop() else "not running")
    elif args.action == "reset":
        broker.reset()
        print(f"stopped and removed {broker.data_dir}")
    else:
        status = broker.status()
        print(status)
        return 0 if status.running else 3
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    import faust

    from agents.app import create_app
    from agents.kafka_client import ensure_topics
    from agents.logformat import logging_config
    from agents.runtime import runtime_of
    from agents.topology import alert_topics, topic_specs

    # Faust only creates its internal topics; ours get explicit partition counts here.
    ensure_topics(settings, topic_specs(settings, alert_topics(settings)))
    app = create_app(settings)
    runtime = runtime_of(app)
    # Load gazetteer, rules and language models before joining the group, not on the first story:
    # in the detection processes, or here when detection runs inline (the router needs neither).
    if settings.pipeline_processes == 0:
        runtime.pipeline.warm_up()
    runtime.offload.start()
    try:
        worker = faust.Worker(
            app, loglevel=settings.log_level, quiet=True, logging_config=logging_config(settings.log_format, settings.log_level)
        )
        # Faust's progress spinner sets the root logger to DEBUG so that it can spin on every record: aiokafka
        # then builds a log record per message sent (3% of a busy worker's CPU) only for it to be filtered out.
        worker.spinner = None
        worker.execute_from_commandline()
    finally:
        runtime.offload.close()
    return 0


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    from agents.kafka_client import admin, ensure_topics
    from agents.topology import alert_topics, topic_specs

    if args.action == "ensure":
        created = ensure_topics(settings, topic_specs(settings, alert_topics(settings)))
        print("created: " + (", ".join(created) if created else "nothing (all exist)"))
        return 0
    client = admin(settings)
    try:
        for name in sorted(t for t in client.list_topics() if not t.startswith("__")):
            print(name)
    finally:
        client.close()
    return 0


def cmd_publish(args: argparse.Namespace, settings: Settings) -> int:
    topic = args.topic or settings.topic_stories
    summary = publish_paths(settings, args.paths, fmt=args.format, topic=topic, quiet=args.quiet)
    for line in summary.problems:
        print(line, file=sys.stderr)
    for line in summary.errors[:20]:
        print(f"warning: {line}", file=sys.stderr)
    print(summary.line(topic))
    return 1 if summary.failed or summary.problems else 0


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from agents.render import render
    from agents.tail import tail

    count = 0
    for record in tail(settings, args.topic, from_beginning=args.from_beginning, timeout=args.timeout, max_records=args.max):
        print(record.json_line() if args.json else render(record), flush=True)
        count += 1
    return 0 if count or args.max is None else 4


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    import time

    from agents.replay import Selection, dead_letters, parse_since, replay

    selection = Selection(
        reasons=frozenset(args.reason or ()),
        error_classes=frozenset(args.error_class or ()),
        source_topics=frozenset(args.source_topic or ()),
        since=parse_since(args.since, time.time()) if args.since else None,
    )
    dlq = args.dlq or settings.topic_dlq
    show = (lambda line: print(line, flush=True)) if args.dry_run or args.verbose else None
    summary = replay(
        settings, dead_letters(settings, dlq), selection, to=args.to, dry_run=args.dry_run, limit=args.max, show=show
    )
    for line in summary.errors[:20]:
        print(f"warning: {line}", file=sys.stderr)
    print(summary.line(args.dry_run))
    return 1 if summary.failed else 0


def cmd_classify(args: argparse.Namespace, settings: Settings) -> int:
    """One enriched story per good input on stdout; one line per bad input on stderr; exit 1 if any was bad."""
    from agents.publish import Unreadable, one_line
    from agents.render import render_enriched
    from stream.pipeline import Pipeline, pipeline_options

    options = pipeline_options(settings) | {"input_format": args.format if args.format != "jsonl" else "json"}
    pipeline = Pipeline(**options)
    bad = 0
    for item in read_inputs(args.paths, args.format):
        if isinstance(item, Unreadable):
            bad += 1
            print(item, file=sys.stderr, flush=True)
            continue
        pipeline.input_format = item.fmt if item.fmt != "jsonl" else "json"
        try:
            enriched = pipeline.process(item.raw).to_dict()
            line = json.dumps(enriched, ensure_ascii=False) if args.json else render_enriched(enriched)
        except InputError as exc:
            bad += 1
            print(f"{item.origin}: {exc.reason}: {one_line(str(exc))}", file=sys.stderr, flush=True)
            continue
        except Exception as exc:  # a bug on one story (the worker's internal_error): reported, the batch goes on
            bad += 1
            print(f"{item.origin}: internal_error: {type(exc).__name__}: {one_line(str(exc))}", file=sys.stderr, flush=True)
            continue
        print(line, flush=True)
    return 1 if bad else 0


def cmd_languages(args: argparse.Namespace, settings: Settings) -> int:
    from stream.language.detector import supported_languages

    langs = supported_languages()
    for code, name in langs:
        print(f"{code}\t{name}")
    print(f"{len(langs)} languages", file=sys.stderr)
    return 0


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    for env, value in settings.masked().items():
        print(f"{env}={value}")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from agents.demo import run_demo

    return run_demo(settings, duration=args.duration)


# -- parser ----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from stream.formats.parse import FORMATS

    formats = (*FORMATS, "jsonl")
    p = argparse.ArgumentParser(prog="wirewatch", description="Multilingual wire-story enrichment and alerting on Kafka.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("broker", help="run a local Apache Kafka broker (KRaft) without Docker")
    b.add_argument("action", choices=["start", "stop", "status", "reset"])
    b.set_defaults(func=cmd_broker)

    w = sub.add_parser("worker", help="run the Faust worker")
    w.set_defaults(func=cmd_worker)

    t = sub.add_parser("topics", help="list topics, or create the ones wirewatch needs")
    t.add_argument("action", nargs="?", choices=["list", "ensure"], default="list")
    t.set_defaults(func=cmd_topics)

    pub = sub.add_parser("publish", help="publish stories from files, directories or stdin")
    pub.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    pub.add_argument("--format", choices=formats, default="auto")
    pub.add_argument("--topic", help="target topic (default: the input topic)")
    pub.add_argument("--quiet", action="store_true", help="no progress bar")
    pub.set_defaults(func=cmd_publish)

    tl = sub.add_parser("tail", help="print records of a topic as they arrive")
    tl.add_argument("topic")
    tl.add_argument("--json", action="store_true", help="one JSON object per line")
    tl.add_argument("--from-beginning", action="store_true")
    tl.add_argument("--max", type=int, help="stop after N records")
    tl.add_argument("--timeout", type=float, help="stop after S seconds without a record")
    tl.set_defaults(func=cmd_tail)

    rp = sub.add_parser("replay", help="send dead letters back to their source topic once their cause is fixed")
    rp.add_argument("--reason", action="append", help="only this wirewatch-reason (repeatable)")
    rp.add_argument("--error-class", action="append", help="only this wirewatch-error-class (repeatable)")
    rp.add_argument("--source-topic", action="append", help="only dead letters read from this topic (repeatable)")
    rp.add_argument("--since", help="only dead letters written since: a duration (90m, 6h, 2d) or an ISO 8601 time")
    rp.add_argument("--max", type=int, help="replay at most N")
    rp.add_argument("--to", help="send to this topic instead of each dead letter's source topic")
    rp.add_argument("--dlq", help="the dead-letter topic to read (default: WIREWATCH_TOPIC_DLQ)")
    rp.add_argument("--dry-run", action="store_true", help="list what would be replayed, send nothing")
    rp.add_argument("--verbose", action="store_true", help="one line per dead letter replayed")
    rp.set_defaults(func=cmd_replay)

    c = sub.add_parser("classify", help="run the worker's pipeline offline, no broker needed")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--json", action="store_true", help="print the exact enriched JSON the worker publishes")
    c.add_argument("--format", choices=formats, default="auto")
    c.set_defaults(func=cmd_classify)

    lg = sub.add_parser("languages", help="list the languages wirewatch detects")
    lg.set_defaults(func=cmd_languages)

    st = sub.add_parser("settings", help="print the effective settings (secrets masked)")
    st.set_defaults(func=cmd_settings)

    d = sub.add_parser("demo", help="local broker + worker + sample stories, printed as they arrive")
    d.add_argument("--duration", type=float, help="stop after S seconds (default: run until Ctrl-C)")
    d.set_defaults(func=cmd_demo)

    _add_rules(sub)
    return p


def _add_rules(sub: Any) -> None:
    r = sub.add_parser("rules", help="check topic rule files, or run their examples")
    r.add_argument("action", choices=["check", "test"])
    r.add_argument("--dir", type=Path, help="rules directory (default: WIREWATCH_RULES_DIR or the shipped rules)")

    def cmd_rules(args: argparse.Namespace, settings: Settings) -> int:
        from stream.topics.rules import check_rules
        from stream.topics.ruletest import run_examples

        rules_dir = args.dir or settings.rules_dir
        problems: Sequence[object] = check_rules(rules_dir) if args.action == "check" else run_examples(rules_dir)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"rules {args.action}: {len(problems)} problem(s)")
        return 1 if problems else 0

    r.set_defaults(func=cmd_rules)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        return int(args.func(args, settings))
    except ConfigError as exc:
        print(f"wirewatch: configuration error: {exc}", file=sys.stderr)
        return 2
    except WirewatchError as exc:
        print(f"wirewatch: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
