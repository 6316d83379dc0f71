"""Which subscriptions an enriched story matches, and the evidence that made each match.

Works on the enriched-story dictionary (the ``wire.enriched`` schema), so the
router agent and ``wirewatch classify`` decide identically.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stream.alerts.subscription import Subscription
from stream.alerts.tier import tier_of
from stream.places.regions import RegionCatalog, load_regions
from stream.story import Story
from stream.topics.taxonomy import load_taxonomy

__all__ = ["RouteMatch", "route"]


@dataclass(frozen=True, slots=True)
class RouteMatch:
    subscription: Subscription
    tier: str
    tier_reason: str
    evidence: dict[str, Any] = field(default_factory=dict)


def _place_evidence(sub: Subscription, doc: dict[str, Any], catalog: RegionCatalog) -> dict[str, Any] | None:
    """Why the story's place matches ``sub`` (``{}`` when it sets no place), or None."""
    if not sub.regions and not sub.countries:
        return {}
    focus = doc.get("focus") or {}
    countries = doc.get("countries", [])
    if sub.scope == "focus":
        country = focus.get("country")
        # The focus region is the most specific one; a focus country inside a wider
        # subscribed region (Syria in middle-east when the focus region is levant) counts too.
        focus_regions = {focus.get("region"), *(catalog.of_country(country) if country else ())}
        hit = bool(focus_regions & set(sub.regions)) or (country is not None and country in sub.countries)
        if not hit:
            return None
        shown = [c for c in countries if c["iso2"] == country]
    else:
        shown = [c for c in countries if c["iso2"] in sub.countries or set(catalog.of_country(c["iso2"])) & set(sub.regions)]
        if not shown and not any(r["id"] in sub.regions for r in doc.get("regions", [])):
            return None
    return {
        "focus": focus,
        "regions": [{"id": r["id"], "score": r["score"]} for r in doc.get("regions", []) if r["id"] in sub.regions],
        "places": [{"iso2": c["iso2"], "score": c["score"], "mentions": c.get("mentions", [])[:5]} for c in shown[:5]],
    }


def _topic_evidence(sub: Subscription, doc: dict[str, Any]) -> list[dict[str, Any]] | None:
    if not sub.topics:
        return []
    taxonomy = load_taxonomy()
    hits = []
    for topic in doc.get("topics", []):
        lineage = {topic["code"], *taxonomy.ancestors(topic["code"])}
        for crit in sub.topics:
            if crit.code in lineage and float(topic["score"]) >= crit.min_score:
                hits.append(
                    {
                        "code": topic["code"],
                        "label": topic["label"],
                        "score": topic["score"],
                        "via": crit.code,
                        "source": topic.get("source"),
                        "evidence": topic.get("evidence", [])[:8],
                    }
                )
                break
    return hits or None


def route(doc: dict[str, Any], subscriptions: Sequence[Subscription], *, regions_file: Path | None = None) -> list[RouteMatch]:
    """Subscriptions whose every criterion holds for the enriched story ``doc``."""
    catalog = load_regions(regions_file)
    if doc.get("pubstatus", "usable") != "usable":
        return []
    language = (doc.get("language") or {}).get("code")
    urgency = doc.get("urgency")
    out = []
    story: Story | None = None
    for sub in subscriptions:
        if sub.spike is not None:  # alerts on counts of stories, never on one story
            continue
        if sub.languages and language not in sub.languages:
            continue
        if sub.min_urgency is not None and (urgency is None or urgency > sub.min_urgency):
            continue
        places = _place_evidence(sub, doc, catalog)
        if places is None:
            continue
        topics = _topic_evidence(sub, doc)
        if topics is None:
            continue
        query_evidence: list[dict[str, Any]] = []
        if sub.query is not None:
            story = story or Story(id=str(doc["id"]), headline=doc.get("headline", ""), body=doc.get("body", ""))
            ok, ev = sub.query.matches(story, language)
            if not ok:
                continue
            query_evidence = [e.to_dict() for e in ev]
        tier, reason = tier_of(urgency, doc.get("headline", ""), doc.get("topics", []))
        summary = [f"{t['label']} {float(t['score']):.2f} ({', '.join(e['term'] for e in t['evidence'][:3])})" for t in topics]
        if places:
            focus = places.get("focus") or {}
            summary.append(f"focus {focus.get('country') or '-'} / {focus.get('region') or '-'}")
            for p in places.get("places", [])[:3]:
                forms = sorted({m["text"] for m in p["mentions"]})[:3]
                summary.append(f"{p['iso2']} {float(p['score']):.2f} ({', '.join(forms)})")
        if query_evidence:
            summary.append("query: " + ", ".join(e["term"] for e in query_evidence[:5]))
        summary.append(f"tier {tier}: {reason}")
        evidence = {"summary": summary, "topics": topics, "places": places, "query": query_evidence, "tier": reason}
        out.append(RouteMatch(sub, tier, reason, evidence))
    return out
