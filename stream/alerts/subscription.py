"""Alert subscriptions: what a user wants alerted, loaded from validated YAML.

A subscription matches a story when every criterion it sets holds (AND);
inside one criterion any listed value is enough (OR). Places: the story's
focus country/region (``scope: focus``) or any mentioned one (``scope: mention``).
Topics: a story topic whose code is the listed code or one of its descendants,
with at least ``min_score``.

Two subscription-level switches work with events (:mod:`stream.events`):
``suppress_duplicates`` (default true) sends no new alert for a near-duplicate of a recent story
(a syndicated copy, a re-send under a new id); ``event`` makes the subscription alert per event
instead of per story (:class:`EventCriteria`): once the event's matching stories meet the minimums,
then again as it grows; ``spike`` makes it alert on breaking-news spikes (:class:`SpikeCriteria`) of
the regions, countries or topics it lists.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stream.errors import ConfigError
from stream.places.regions import load_regions
from stream.topics.classifier import Query, compile_query
from stream.topics.taxonomy import load_taxonomy, normalize_code
from stream.yamlconf import Located, load_located

__all__ = [
    "DEFAULT_SUBSCRIPTIONS",
    "EventCriteria",
    "SpikeCriteria",
    "Subscription",
    "Throttle",
    "TopicCriterion",
    "load_subscriptions",
]

DEFAULT_SUBSCRIPTIONS = Path(__file__).parent / "data" / "subscriptions.yaml"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_SCOPES = ("focus", "mention")
_KNOWN_MATCH = {"regions", "countries", "scope", "topics", "languages", "min_urgency", "query"}
_KNOWN_SUB = {"name", "description", "match", "output_topic", "throttle", "suppress_duplicates", "event", "spike"}
_KNOWN_SPIKE = {"min_tier", "renotify_seconds"}
_SPIKE_TIERS = ("flash", "urgent", "routine")
_KNOWN_EVENT = {"min_stories", "min_languages", "min_sources", "growth", "min_update_seconds"}


@dataclass(frozen=True, slots=True)
class TopicCriterion:
    code: str
    min_score: float


@dataclass(frozen=True, slots=True)
class Throttle:
    """At most ``max_alerts`` new alerts per ``per_seconds``; the rest are counted and summarised."""

    max_alerts: int
    per_seconds: float


@dataclass(frozen=True, slots=True)
class EventCriteria:
    """Alert per event: ``new`` once the event has ``min_stories`` stories (near-duplicates not counted) in
    ``min_languages`` languages from ``min_sources`` sources; ``update`` each time its story count
    reaches ``growth`` times the count last alerted, or a language joins, at most once per
    ``min_update_seconds`` (so a fast-growing event sends a few updates, not a storm)."""

    min_stories: int = 2
    min_languages: int = 1
    min_sources: int = 1
    growth: float = 2.0
    min_update_seconds: float = 600.0


@dataclass(frozen=True, slots=True)
class SpikeCriteria:
    """Alert when the stories of a listed region, country or topic (each on its own) spike against their
    seasonal baseline with at least ``min_tier`` strength (:mod:`stream.events.spike`); the same spike
    is alerted again (``update``) only when its tier rises, and a new alert needs ``renotify_seconds``
    since the last one."""

    min_tier: str = "routine"
    renotify_seconds: float = 3600.0


@dataclass(frozen=True, slots=True)
class Subscription:
    name: str
    description: str
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    scope: str = "focus"
    topics: tuple[TopicCriterion, ...] = ()
    languages: tuple[str, ...] = ()
    min_urgency: int | None = None
    query: Query | None = None
    output_topic: str | None = None
    throttle: Throttle | None = None
    suppress_duplicates: bool = True
    event: EventCriteria | None = None
    spike: SpikeCriteria | None = None

    def topic_name(self, prefix: str) -> str:
        return self.output_topic or f"{prefix}{self.name}"


def _list(doc: Located, field: str, value: Any, check: re.Pattern[str] | None = None, what: str = "value") -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise doc.error(field, "must be a list of strings")
    for i, v in enumerate(value):
        if check is not None and not check.match(v):
            raise doc.error(f"{field}[{i}]", f"{v!r} is not a valid {what}")
    return tuple(value)


def _topics(doc: Located, field: str, value: Any) -> tuple[TopicCriterion, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise doc.error(field, "must be a list of {code, min_score}")
    taxonomy = load_taxonomy()
    out = []
    for i, item in enumerate(value):
        f = f"{field}[{i}]"
        if isinstance(item, str):
            item = {"code": item}
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise doc.error(f, "needs a 'code' (an IPTC medtop code)")
        code = normalize_code(item["code"])
        if taxonomy.get(code) is None:
            raise doc.error(f + ".code", f"unknown IPTC media topic {item['code']!r}")
        score = item.get("min_score", 0.0)
        if not isinstance(score, int | float) or not 0 <= score <= 1:
            raise doc.error(f + ".min_score", "must be a number from 0 to 1")
        unknown = set(item) - {"code", "min_score"}
        if unknown:
            raise doc.error(f, f"unknown key(s) {', '.join(sorted(unknown))}")
        out.append(TopicCriterion(code, float(score)))
    return tuple(out)


def _block(doc: Located, field: str, value: Any, known: set[str]) -> dict[str, Any] | None:
    """A subscription-level block (``event:``, ``spike:``): None if absent, ``{}`` for ``true`` (the defaults)."""
    if value is None:
        return None
    if value is True:
        return {}
    if not isinstance(value, dict):
        raise doc.error(field, "must be a mapping of " + ", ".join(sorted(known)) + " (or true for the defaults)")
    unknown = set(value) - known
    if unknown:
        raise doc.error(field, f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(known))}")
    return value


def _event(doc: Located, field: str, raw: Any) -> EventCriteria | None:
    value = _block(doc, field, raw, _KNOWN_EVENT)
    if value is None:
        return None
    for key in ("min_stories", "min_languages", "min_sources"):
        v = value.get(key, 2 if key == "min_stories" else 1)
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise doc.error(f"{field}.{key}", "must be a whole number of at least 1")
    growth = value.get("growth", 2.0)
    if not isinstance(growth, int | float) or isinstance(growth, bool) or growth <= 1:
        raise doc.error(f"{field}.growth", "must be a number above 1 (2 = alert again when the event doubles)")
    every = value.get("min_update_seconds", 600)
    if not isinstance(every, int | float) or isinstance(every, bool) or every < 0:
        raise doc.error(f"{field}.min_update_seconds", "must be a number of seconds, 0 or more")
    return EventCriteria(
        min_stories=value.get("min_stories", 2),
        min_languages=value.get("min_languages", 1),
        min_sources=value.get("min_sources", 1),
        growth=float(growth),
        min_update_seconds=float(every),
    )


def _spike(doc: Located, field: str, raw: Any) -> SpikeCriteria | None:
    value = _block(doc, field, raw, _KNOWN_SPIKE)
    if value is None:
        return None
    tier = value.get("min_tier", "routine")
    if tier not in _SPIKE_TIERS:
        raise doc.error(f"{field}.min_tier", f"{tier!r} is not one of {', '.join(_SPIKE_TIERS)}")
    every = value.get("renotify_seconds", 3600)
    if not isinstance(every, int | float) or isinstance(every, bool) or every < 0:
        raise doc.error(f"{field}.renotify_seconds", "must be a number of seconds, 0 or more")
    return SpikeCriteria(min_tier=tier, renotify_seconds=float(every))


def _one(doc: Located, i: int, raw: Any, regions_file: Path | None, seen: set[str]) -> Subscription:
    base = f"subscriptions[{i}]"
    if not isinstance(raw, dict):
        raise doc.error(base, "must be a mapping")
    unknown = set(raw) - _KNOWN_SUB
    if unknown:
        raise doc.error(base, f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_KNOWN_SUB))}")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise doc.error(base + ".name", f"{name!r} must be lower-case letters, digits and dashes")
    if name in seen:
        raise doc.error(base + ".name", f"duplicate subscription name {name!r}")
    seen.add(name)
    match = raw.get("match")
    if not isinstance(match, dict) or not match:
        raise doc.error(base + ".match", "needs at least one criterion")
    bad = set(match) - _KNOWN_MATCH
    if bad:
        raise doc.error(
            f"{base}.match", f"unknown criterion {', '.join(sorted(bad))}; allowed: {', '.join(sorted(_KNOWN_MATCH))}"
        )
    m = base + ".match"
    regions = _list(doc, m + ".regions", match.get("regions"))
    catalog = load_regions(regions_file)
    for j, region in enumerate(regions):
        if region not in catalog.regions:
            raise doc.error(f"{m}.regions[{j}]", f"unknown region {region!r} (see the regions file)")
    scope = match.get("scope", "focus")
    if scope not in _SCOPES:
        raise doc.error(m + ".scope", f"{scope!r} is not one of {', '.join(_SCOPES)}")
    urgency = match.get("min_urgency")
    if urgency is not None and (not isinstance(urgency, int) or not 1 <= urgency <= 9):
        raise doc.error(m + ".min_urgency", "must be an IPTC urgency from 1 (most urgent) to 9")
    query = None
    if match.get("query") is not None:
        try:
            query = compile_query(match["query"], source=f"{doc.file}:{m}.query")
        except ConfigError as exc:
            raise doc.error(m + ".query", str(exc)) from None
    throttle = None
    if raw.get("throttle") is not None:
        t = raw["throttle"]
        if not isinstance(t, dict) or not isinstance(t.get("max_alerts"), int) or t["max_alerts"] < 1:
            raise doc.error(base + ".throttle.max_alerts", "must be a whole number of at least 1")
        per = t.get("per_seconds", 60)
        if not isinstance(per, int | float) or per <= 0:
            raise doc.error(base + ".throttle.per_seconds", "must be a positive number of seconds")
        throttle = Throttle(t["max_alerts"], float(per))
    suppress = raw.get("suppress_duplicates", True)
    if not isinstance(suppress, bool):
        raise doc.error(base + ".suppress_duplicates", "must be true or false")
    spike = _spike(doc, base + ".spike", raw.get("spike"))
    if spike is not None:
        if raw.get("event") is not None:
            raise doc.error(base + ".spike", "a subscription alerts on events or on spikes, not both")
        extra = set(match) - {"regions", "countries", "topics"}
        if extra or not any(match.get(k) for k in ("regions", "countries", "topics")):
            raise doc.error(
                base + ".match",
                "a spike subscription lists regions, countries or topics (each a key that can spike), nothing else",
            )
    output = raw.get("output_topic")
    if output is not None and (not isinstance(output, str) or not re.match(r"^[A-Za-z0-9._-]{1,249}$", output)):
        raise doc.error(base + ".output_topic", "must be a valid Kafka topic name")
    return Subscription(
        name=name,
        description=str(raw.get("description", "")),
        regions=regions,
        countries=_list(doc, m + ".countries", match.get("countries"), _ISO2, "ISO 3166-1 alpha-2 code"),
        scope=scope,
        topics=_topics(doc, m + ".topics", match.get("topics")),
        languages=_list(doc, m + ".languages", match.get("languages"), re.compile(r"^[a-z]{2,3}$"), "language code"),
        min_urgency=urgency,
        query=query,
        output_topic=output,
        throttle=throttle,
        suppress_duplicates=suppress,
        event=_event(doc, base + ".event", raw.get("event")),
        spike=spike,
    )


@functools.cache
def _load(path: Path, regions_file: Path | None) -> tuple[Subscription, ...]:
    doc = load_located(path)
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("subscriptions"), list):
        raise doc.error("subscriptions", "the file needs a top-level 'subscriptions' list")
    seen: set[str] = set()
    return tuple(_one(doc, i, raw, regions_file, seen) for i, raw in enumerate(doc.data["subscriptions"]))


def load_subscriptions(path: Path | None = None, *, regions_file: Path | None = None) -> tuple[Subscription, ...]:
    """Load and validate subscriptions (cached per file); raises ConfigError naming file, line and field."""
    return _load((path or DEFAULT_SUBSCRIPTIONS).resolve(), regions_file)
