"""Events: near-duplicate stories, stories of one happening across languages, and breaking-news spikes.

``fingerprint`` makes a story's MinHash sketch and finds near-duplicates by estimated Jaccard similarity;
``features`` turns an enriched story into language-neutral terms (places, countries, topics, names by a
transliteration-tolerant key, numbers) and same-language words; ``cluster`` assigns each story to an
event online within a time window, in bounded plain state; ``spike`` scores a key's last hour against
its seasonal baseline. Pure: no faust, no kafka; the agents keep this state in tables.
"""

from stream.events.cluster import JOIN_SCORE, Assignment, Clusterer, EventRecord, event_message
from stream.events.features import StoryFeatures, blocking_key, extract, name_key
from stream.events.fingerprint import (
    NEAR_DUPLICATE_JACCARD,
    DuplicateIndex,
    fingerprint,
    hamming,
    is_near_duplicate,
    jaccard,
    simhash,
    sketch,
)
from stream.events.spike import Spike, SpikeDetector, poisson_tail, spike_keys

__all__ = [
    "JOIN_SCORE",
    "NEAR_DUPLICATE_JACCARD",
    "Assignment",
    "Clusterer",
    "DuplicateIndex",
    "EventRecord",
    "Spike",
    "SpikeDetector",
    "StoryFeatures",
    "blocking_key",
    "event_message",
    "extract",
    "fingerprint",
    "hamming",
    "is_near_duplicate",
    "jaccard",
    "name_key",
    "poisson_tail",
    "simhash",
    "sketch",
    "spike_keys",
]
