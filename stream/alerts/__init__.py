"""Alerting: from an enriched story to the alerts users subscribed to.

``subscription`` loads the user's subscriptions (``data/subscriptions.yaml`` by default); ``routing``
matches an enriched story against them; ``alert`` decides new/update/retraction and builds the
alert record; ``tier`` grades its urgency; ``throttle`` caps alerts per subscription.
"""

from stream.alerts.alert import ALERT_SCHEMA, Decision, build_alert, decide
from stream.alerts.routing import RouteMatch, route
from stream.alerts.subscription import DEFAULT_SUBSCRIPTIONS, Subscription, load_subscriptions
from stream.alerts.throttle import ThrottleSummary, Window
from stream.alerts.tier import TIERS, tier_of

__all__ = [
    "ALERT_SCHEMA",
    "DEFAULT_SUBSCRIPTIONS",
    "TIERS",
    "Decision",
    "RouteMatch",
    "Subscription",
    "ThrottleSummary",
    "Window",
    "build_alert",
    "decide",
    "load_subscriptions",
    "route",
    "tier_of",
]
