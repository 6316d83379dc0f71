"""Alerting: from an enriched story to the alerts users subscribed to.

``subscription`` loads the user's subscriptions (``data/subscriptions.yaml`` by default); ``routing``
matches an enriched story against them; ``alert`` decides new/update/retraction and builds the
alert record; ``event_alert`` does the same for subscriptions that alert per event (new, then update
as the event grows); ``spike_alert`` for breaking-news spikes of a region, country or topic; ``tier`` grades its urgency; ``throttle`` caps alerts per subscription.
"""

from stream.alerts.alert import ALERT_SCHEMA, Decision, build_alert, decide
from stream.alerts.event_alert import build_event_alert, decide_event, event_alert_id, higher_tier
from stream.alerts.routing import RouteMatch, route
from stream.alerts.spike_alert import build_spike_alert, decide_spike, spike_alert_id, spike_matches
from stream.alerts.subscription import (
    DEFAULT_SUBSCRIPTIONS,
    EventCriteria,
    SpikeCriteria,
    Subscription,
    load_subscriptions,
)
from stream.alerts.throttle import ThrottleSummary, Window
from stream.alerts.tier import TIERS, tier_of

__all__ = [
    "ALERT_SCHEMA",
    "DEFAULT_SUBSCRIPTIONS",
    "TIERS",
    "Decision",
    "EventCriteria",
    "RouteMatch",
    "SpikeCriteria",
    "Subscription",
    "ThrottleSummary",
    "Window",
    "build_alert",
    "build_event_alert",
    "build_spike_alert",
    "decide",
    "decide_event",
    "decide_spike",
    "event_alert_id",
    "higher_tier",
    "load_subscriptions",
    "route",
    "spike_alert_id",
    "spike_matches",
    "tier_of",
]
