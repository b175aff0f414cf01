"""Fetching a link (issue 23 §1): one resolution, the checked address connected to, every
non-public form refused, an allow-list instead of a switch, one deadline for the whole fetch."""

from __future__ import annotations

import http.server
import ipaddress
import socket
import threading
import time

import pytest

from dashboard.errors import PetaError
from dashboard.extract import fetch as fetching

PAGE = b"<html><body><p>halaman berita</p></body></html>"
SECRET = b"<html><body><p>RAHASIA internal</p></body></html>"


def _serve(host: str, body: bytes, port: int = 0):
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            seen.append(self.headers.get("Host"))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, seen


@pytest.mark.parametrize("address", ["::127.0.0.1", "64:ff9b::127.0.0.1", "2002:7f00:1::", "224.0.0.1",
                                     "::ffff:127.0.0.1", "2001::7f00:1", "127.0.0.1", "10.1.2.3", "100.64.0.1",
                                     "169.254.169.254", "0.0.0.0", "255.255.255.255", "fe80::1", "fc00::1",
                                     # issue 35: four that Python calls global
                                     "192.0.0.8", "192.88.99.1", "fec0::1", "3fff::1"])
def test_every_non_public_form_is_refused(address, monkeypatch):
    """The four the issue found passing, and the ordinary ones."""
    assert fetching.not_public(ipaddress.ip_address(address))
    fake = lambda host, port, **kw: [(socket.AF_INET6 if ":" in address else socket.AF_INET, 1, 6, "",  # noqa: E731
                                      (address, port))]
    with pytest.raises(PetaError, match="non-public address"):
        fetching.resolve("http://berita.example/a", fetching.allow_list(""), fake)


def test_public_addresses_pass():
    for address in ("8.8.8.8", "2606:4700::1111", "103.10.20.30"):
        assert fetching.not_public(ipaddress.ip_address(address)) is None


def test_allow_list_opens_only_what_it_names():
    fake = lambda host, port, **kw: [(socket.AF_INET, 1, 6, "", ("10.20.0.5", port))]  # noqa: E731
    assert fetching.resolve("http://mirror.local/x", fetching.allow_list("10.20.0.0/16"), fake)[2] == "10.20.0.5"
    assert fetching.resolve("http://mirror.local/x", fetching.allow_list("mirror.local"), fake)[2] == "10.20.0.5"
    for other in ("10.21.0.0/16", "intranet.local", "127.0.0.1/32", ""):
        with pytest.raises(PetaError, match="PETA_FETCH_ALLOW"):
            fetching.resolve("http://mirror.local/x", fetching.allow_list(other), fake)


def test_dns_rebinding_is_refused(monkeypatch):
    """A resolver answering an allowed address first and an internal one after: the connection goes
    to the address that was checked, and the internal server never sees a request."""
    outside, outside_seen = _serve("127.0.0.1", PAGE)
    port = outside.server_address[1]
    try:
        inside, inside_seen = _serve("127.0.0.2", SECRET, port)
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")
    answers = iter(["127.0.0.1"] + ["127.0.0.2"] * 20)
    real = socket.getaddrinfo

    def lying(host, port_, *a, **kw):
        if host == "berita.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port_))]
        return real(host, port_, *a, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", lying)
    monkeypatch.setenv("PETA_FETCH_ALLOW", "127.0.0.1/32")
    try:
        body, final = fetching.fetch(f"http://berita.example:{port}/a", getaddrinfo=lying)
        assert body == PAGE and final == f"http://berita.example:{port}/a"
        assert inside_seen == [] and outside_seen == [f"berita.example:{port}"]  # the link's host, not the IP
    finally:
        outside.shutdown()
        inside.shutdown()


def _trickler(header_bytes: bool):
    """A loopback server that sends one byte every 0.4 s (in the body, or already in the headers),
    for at most 30 s."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    stop = threading.Event()

    def run():
        srv.settimeout(0.5)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                conn.recv(4096)
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                if not header_bytes:
                    conn.sendall(head)
                    head = b"<p>" + b"x" * 99_997
                end = time.monotonic() + 30
                for b in head:
                    if stop.is_set() or time.monotonic() > end:
                        break
                    try:
                        conn.sendall(bytes([b]))
                    except OSError:
                        break
                    time.sleep(0.4)

    threading.Thread(target=run, daemon=True).start()
    return srv, stop


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(where, monkeypatch):
    srv, stop = _trickler(header_bytes=where == "headers")
    monkeypatch.setenv("PETA_FETCH_ALLOW", "127.0.0.1/32")
    try:
        start = time.monotonic()
        with pytest.raises(PetaError, match="longer than 2 s"):
            fetching.fetch(f"http://127.0.0.1:{srv.getsockname()[1]}/lambat", deadline_s=2)
        assert time.monotonic() - start < 4
    finally:
        stop.set()
        srv.close()


def test_redirect_to_a_non_public_address_is_refused(monkeypatch):
    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()

        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setenv("PETA_FETCH_ALLOW", "127.0.0.1/32")
    try:
        with pytest.raises(PetaError, match=r"169\.254\.169\.254, link-local"):
            fetching.fetch(f"http://127.0.0.1:{httpd.server_address[1]}/r")
    finally:
        httpd.shutdown()
