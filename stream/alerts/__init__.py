"""Alerting: subscriptions, routing an enriched story to them, tiers, throttling and alert records."""

__all__: list[str] = []
