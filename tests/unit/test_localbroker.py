"""The local broker's KRaft cluster id (agents/localbroker.py)."""

from __future__ import annotations

import uuid

import pytest

from agents import localbroker


def test_a_cluster_id_never_opens_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    # 0xf8 encodes to "-" first in URL-safe base64: the storage tool would read the id as an option.
    drawn = iter([uuid.UUID(bytes=b"\xf8" + bytes(15)), uuid.UUID(bytes=b"\x04" + bytes(15))])
    monkeypatch.setattr(localbroker.uuid, "uuid4", lambda: next(drawn))
    cid = localbroker.cluster_id()
    assert cid == "BAAAAAAAAAAAAAAAAAAAAA"
    assert len(cid) == 22 and not cid.startswith("-")
