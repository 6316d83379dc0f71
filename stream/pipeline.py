"""The enrichment pipeline: raw message bytes -> parsed story -> enriched story.

The worker's ingest agent and ``wirewatch classify`` call the same
:class:`Pipeline`, so what the CLI prints offline is exactly what the worker
publishes to ``wire.enriched``. Stage timings are returned beside the result
(not inside it) so agents can export them without this module knowing about
Prometheus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stream.alerts.routing import route
from stream.alerts.subscription import load_subscriptions
from stream.formats.parse import parse
from stream.language.detector import LanguageResult, detect, supported_languages
from stream.language.detector import warm_up as warm_up_language
from stream.places.geotag import locate
from stream.settings import Settings
from stream.story import Story, iso_utc
from stream.text.normalize import TokenStream
from stream.topics.classifier import classify
from stream.topics.model import TopicModel
from stream.topics.model import load as load_topic_model
from stream.topics.model import model as shipped_topic_model
from stream.topics.subwords import shipped as shipped_subwords

__all__ = ["MAX_EVIDENCE", "SCHEMA", "Enriched", "Pipeline", "cap_evidence", "iso_utc", "pipeline_options"]

#: Version tag of the enriched-story JSON schema (documented in README).
SCHEMA = "wirewatch.enriched/1"
#: Evidence items kept per country, place and topic. A story naming one place a thousand times
#: would otherwise carry a thousand mentions and outgrow Kafka's message size limit.
MAX_EVIDENCE = 25


def cap_evidence(extra: dict[str, Any], limit: int = MAX_EVIDENCE) -> dict[str, Any]:
    """Keep the first ``limit`` mentions/evidence items of each entry; record how many there were."""
    for key, inner in (("countries", "mentions"), ("places", "mentions"), ("topics", "evidence")):
        for entry in extra.get(key, ()):
            items = entry.get(inner)
            if isinstance(items, list) and len(items) > limit:
                entry[f"{inner}_total"] = len(items)
                entry[inner] = items[:limit]
    return extra


def pipeline_options(settings: Settings) -> dict[str, Any]:
    """The :class:`Pipeline` keyword arguments the settings give: one place for the worker, its
    detection processes (which rebuild the pipeline from these plain values) and ``wirewatch classify``."""
    return {
        "input_format": settings.input_format,
        "max_story_bytes": settings.max_story_bytes,
        "regions_file": settings.regions_file,
        "rules_dir": settings.rules_dir,
        "subscriptions_file": settings.subscriptions_file,
        "topic_model": settings.topic_model,
        "topic_model_file": settings.topic_model_file,
    }


@dataclass(slots=True)
class Enriched:
    """One enriched story and how long each stage took (seconds)."""

    story: Story
    language: LanguageResult
    received_at: float
    processed_at: float
    published_at: float | None = None  # Kafka timestamp of the input message, when there is one
    extra: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s = self.story
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": s.id,
            "version": s.version,
            "headline": s.headline,
            "body": s.body,
            "source_format": s.source_format,
            "versioncreated": s.versioncreated,
            "urgency": s.urgency,
            "pubstatus": s.pubstatus,
            "provider": {
                "language": s.language,
                "subjects": [{"code": p.code, "name": p.name} for p in s.subjects],
                "places": [{"name": p.name, "code": p.code} for p in s.places],
                "dateline": s.dateline,
            },
            "language": self.language.to_dict(),
        }
        out.update(self.extra)
        out["published_at"] = iso_utc(self.published_at) if self.published_at else None
        out["received_at"] = iso_utc(self.received_at)
        out["processed_at"] = iso_utc(self.processed_at)
        return out


class Pipeline:
    """Parse and enrich stories. Build once; :meth:`process` is called per message."""

    def __init__(
        self,
        *,
        input_format: str = "auto",
        max_story_bytes: int = 1_000_000,
        regions_file: Path | None = None,
        rules_dir: Path | None = None,
        subscriptions_file: Path | None = None,
        topic_model: str = "on",
        topic_model_file: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.input_format = input_format
        self.max_story_bytes = max_story_bytes
        self.regions_file = regions_file
        self.rules_dir = rules_dir
        self.topic_model = topic_model
        self.topic_model_file = topic_model_file
        self._model: TopicModel | None = None
        self.subscriptions = load_subscriptions(subscriptions_file, regions_file=regions_file)
        self.clock = clock

    @property
    def model(self) -> TopicModel | None:
        """The learned topic model beside the rules; None when ``topic_model="off"``, the word model alone when
        ``"words"`` (a file of :attr:`topic_model_file` is a word model: the shipped subword model joins it when
        their topics agree). Loaded on first use."""
        if self.topic_model == "off":
            return None
        if self._model is None:
            if self.topic_model_file:
                loaded = load_topic_model(self.topic_model_file)
                sub = shipped_subwords()
                self._model = loaded.with_subwords(sub if sub is not None and sub.topics == loaded.topics else None)
            else:
                self._model = shipped_topic_model()
            if self.topic_model == "words":
                self._model = self._model.with_subwords(None)
        return self._model

    def warm_up(self) -> None:
        """Load detectors' data now rather than on the first story."""
        # The sample story below only reaches fasttext and cld2; langid and langdetect would
        # otherwise load (~0.7 s, blocking the event loop) on the first story that needs them.
        warm_up_language()
        story = Story(id="warm-up", headline="Warm up", body="Loading detectors before the first story.")
        self.enrich(story)
        # Topic matchers compile per language on first use (tens of ms each): do it now.
        for code, _ in supported_languages():
            classify(story, code, rules_dir=self.rules_dir)

    def process(
        self,
        raw: bytes,
        *,
        default_id: str | None = None,
        received_at: float | None = None,
        published_at: float | None = None,
    ) -> Enriched:
        """Parse ``raw`` and enrich it. Raises :class:`stream.errors.InputError` for bad input."""
        received = self.clock() if received_at is None else received_at
        t0 = time.perf_counter()
        story = parse(raw, fmt=self.input_format, max_bytes=self.max_story_bytes, default_id=default_id)
        parse_s = time.perf_counter() - t0
        enriched = self.enrich(story, received_at=received)
        enriched.timings = {"parse": parse_s, **enriched.timings}
        enriched.published_at = published_at
        return enriched

    def enrich(self, story: Story, *, received_at: float | None = None) -> Enriched:
        received = self.clock() if received_at is None else received_at
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        language = detect(story.text, provider=story.language)
        t1 = time.perf_counter()
        timings["language"] = t1 - t0
        code = None if language.code == "und" else language.code
        tokens = TokenStream.of(story.text)  # one tokenisation serves both matchers
        t2 = time.perf_counter()
        timings["tokenize"] = t2 - t1
        geo = locate(story, code, regions_file=self.regions_file, tokens=tokens)
        t3 = time.perf_counter()
        timings["region"] = t3 - t2
        topics = classify(story, code, rules_dir=self.rules_dir, stream=tokens, model=self.model)
        timings["topic"] = time.perf_counter() - t3
        extra: dict[str, Any] = cap_evidence({**topics.to_dict(), **geo.to_dict()})
        enriched = Enriched(story, language, received, self.clock(), extra=extra, timings=timings)
        t4 = time.perf_counter()
        # Dry run, stateless: the action a first-seen story would get. The router agent
        # decides the real action (new/update/retract) from its changelogged state.
        action = "retract" if story.pubstatus != "usable" else "new"
        enriched.extra["alerts"] = [
            {"subscription": m.subscription.name, "tier": m.tier, "action": action}
            for m in route(enriched.to_dict(), self.subscriptions, regions_file=self.regions_file)
        ]
        timings["route"] = time.perf_counter() - t4
        return enriched
