"""Alerting: from an enriched story to the alerts users subscribed to.

``subscription`` loads the user's subscriptions (``data/subscriptions.yaml`` by default); ``routing``
matches an enriched story against them; ``alert`` decides new/update/retraction and builds the
alert record; ``event_alert`` does the same for subscriptions that alert per event (new, then update
as the event grows); ``tier`` grades its urgency; ``throttle`` caps alerts per subscription.
"""

from stream.alerts.alert import ALERT_SCHEMA, Decision, build_alert, decide
from stream.alerts.event_alert import build_event_alert, decide_event, event_alert_id, higher_tier
from stream.alerts.routing import RouteMatch, route
from stream.alerts.subscription import DEFAULT_SUBSCRIPTIONS, EventCriteria, Subscription, load_subscriptions
from stream.alerts.throttle import ThrottleSummary, Window
from stream.alerts.tier import TIERS, tier_of

__all__ = [
    "ALERT_SCHEMA",
    "DEFAULT_SUBSCRIPTIONS",
    "TIERS",
    "Decision",
    "EventCriteria",
    "RouteMatch",
    "Subscription",
    "ThrottleSummary",
    "Window",
    "build_alert",
    "build_event_alert",
    "decide",
    "decide_event",
    "event_alert_id",
    "higher_tier",
    "load_subscriptions",
    "route",
    "tier_of",
]
