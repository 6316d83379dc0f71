"""The demo's check for a web port another worker holds (agents.demo._port_taken)."""

from __future__ import annotations

import socket

from agents.demo import _port_taken


def test_a_port_with_a_listener_is_taken_and_a_closed_one_is_free() -> None:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the worker's web server (aiohttp) binds
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    try:
        assert _port_taken("127.0.0.1", port)
        # A connection the server side closes first lingers in TIME_WAIT: the port is free for a new server
        # all the same (the worker's web server binds with SO_REUSEADDR), so it must not read as taken.
        client = socket.create_connection(("127.0.0.1", port))
        conn, _ = server.accept()
        conn.close()
        client.close()
    finally:
        server.close()
    assert not _port_taken("127.0.0.1", port)
