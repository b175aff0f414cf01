"""Fetching an article link on the server, carefully.

- ``http``/``https`` only, no user name or password in the link.
- The host name is resolved **once**; every address it resolves to must be public (global
  unicast: no loopback, private, shared, link-local, multicast or reserved range, and no IPv6
  form that carries an IPv4 address — mapped, compatible, NAT64, 6to4, Teredo — since those reach
  whatever IPv4 address they carry). The connection then goes to the address that was checked,
  with the link's host in the ``Host`` header and in TLS's SNI and certificate check, so a resolver
  that answers differently the second time (DNS rebinding) is never asked again.
- ``PETA_FETCH_ALLOW`` lists the networks (``10.20.0.0/16``, ``127.0.0.1/32``) and host names a
  link may reach although they are not public (an intranet mirror, the tests); nothing else is
  opened, and there is no switch that opens all private space at once.
- Redirects are followed by hand (at most 5), each hop checked the same way.
- One deadline for the whole fetch (15 s: every hop's connect, headers and body together): a
  server that trickles a byte every few seconds is cut off at the deadline, not kept for minutes.
- At most 5 MB read.

Any failure is a :class:`PetaError` naming the link.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from urllib.parse import urljoin, urlsplit

from .. import settings
from ..errors import msg
from .article import MAX_BYTES, refuse

TIMEOUT_S = 15
MAX_REDIRECTS = 5
USER_AGENT = "PetaNetralitasASN/0.1 (article review)"
_CHUNK = 64 * 1024

# IPv6 forms that carry an IPv4 address: the packet ends up at that IPv4 address, so a global-looking
# IPv6 address of this kind may be loopback or private underneath. No news site is reached this way.
_CARRIES_IPV4 = [ipaddress.ip_network(n) for n in (
    "::/96",            # IPv4-compatible (deprecated): ::127.0.0.1
    "::ffff:0:0/96",    # IPv4-mapped
    "::ffff:0:0:0/96",  # IPv4-translated (SIIT)
    "64:ff9b::/96",     # NAT64, well-known prefix
    "64:ff9b:1::/48",   # NAT64, local-use prefix
    "2002::/16",        # 6to4
    "2001::/32",        # Teredo
)]


# Special-purpose ranges that Python's ``is_global`` (3.11) still calls global (IANA's registries;
# issue 35): no news site lives there, and some reach the host's own network.
_NOT_GLOBAL = [ipaddress.ip_network(n) for n in (
    "192.0.0.0/24",     # IETF protocol assignments (192.0.0.8: IPv4 dummy address)
    "192.88.99.0/24",   # 6to4 relay anycast (deprecated)
    "fec0::/10",        # site-local (deprecated)
    "3fff::/20",        # documentation (RFC 9637)
    "2001:db8::/32",    # documentation
)]


def not_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why ``ip`` is not a public unicast address, or None when it is."""
    if ip.version == 6 and any(ip in net for net in _CARRIES_IPV4):
        return "an IPv6 form carrying an IPv4 address"
    if any(ip.version == net.version and ip in net for net in _NOT_GLOBAL):
        return "special-purpose"
    # the narrowest name first: Python also counts loopback and link-local ranges as private
    for what, flag in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                       ("multicast", ip.is_multicast), ("unspecified", ip.is_unspecified),
                       ("reserved", ip.is_reserved), ("private", ip.is_private)):
        if flag:
            return what
    if not ip.is_global:
        return "not global"
    return None


def allow_list(text: str) -> tuple[list, set[str]]:
    """``PETA_FETCH_ALLOW``: networks and host names, comma-separated."""
    nets, hosts = [], set()
    for entry in (e.strip() for e in text.split(",")):
        if not entry:
            continue
        try:
            nets.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
        except ValueError:
            hosts.add(entry.lower().rstrip("."))
    return nets, hosts


def resolve(url: str, allowed: tuple[list, set[str]], getaddrinfo=socket.getaddrinfo) -> tuple[str, int, str]:
    """(host, port, the one address to connect to), or a PetaError naming the link and the address
    that is refused. ``getaddrinfo`` is a parameter so a test can play a resolver that lies."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise refuse(url, msg("url_scheme", scheme=parts.scheme or msg("url_no_scheme")))
    if not parts.hostname:
        raise refuse(url, msg("url_no_host"))
    if parts.username or parts.password:
        raise refuse(url, msg("url_credentials"))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise refuse(url, msg("url_port")) from None
    host = parts.hostname.rstrip(".")
    try:
        infos = getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise refuse(url, msg("url_host_unknown", why=getattr(exc, "strerror", exc))) from None
    nets, hosts = allowed
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        why = not_public(ip)
        if why and host.lower() not in hosts and not any(ip in n for n in nets if n.version == ip.version):
            raise refuse(url, msg("url_private", ip=ip, why=why))
        addresses.append(str(ip))
    if not addresses:
        raise refuse(url, msg("url_no_address"))
    return host, port, addresses[0]


class _Pinned(http.client.HTTPConnection):
    """HTTP to the address that was checked, whatever the name would resolve to now."""

    def __init__(self, host: str, port: int, ip: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self):
        self.sock = self.raw = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    """HTTPS to the checked address; the certificate is checked for the link's host name (SNI)."""

    def __init__(self, host: str, port: int, ip: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self):
        self.raw = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(self.raw, server_hostname=self.host)


class _Deadline:
    """Closes the connection's socket when the fetch's time is up, so a blocked read returns
    whatever stage it is in (connect, TLS, headers or body)."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds
        self.expired = False

    def left(self) -> float:
        return max(0.05, self.end - time.monotonic())

    def guard(self, conn: http.client.HTTPConnection) -> threading.Timer:
        def cut():
            self.expired = True
            # the plain socket under any TLS layer; http.client drops conn.sock once the
            # response is handed over, so the connection keeps its own reference
            sock = getattr(conn, "raw", None)
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        timer = threading.Timer(self.left(), cut)
        timer.daemon = True
        timer.start()
        return timer


def fetch(url: str, deadline_s: float = TIMEOUT_S, getaddrinfo=socket.getaddrinfo) -> tuple[bytes, str]:
    """(body, final URL)."""
    if settings.get("PETA_FETCH").lower() != "on":
        raise refuse(url, msg("fetch_off"))
    allowed = allow_list(settings.get("PETA_FETCH_ALLOW"))
    deadline = _Deadline(deadline_s)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        host, port, ip = resolve(current, allowed, getaddrinfo)
        parts = urlsplit(current)
        cls = _PinnedTLS if parts.scheme == "https" else _Pinned
        conn = cls(host, port, ip, timeout=deadline.left())
        timer = deadline.guard(conn)
        try:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain",
                                               "Accept-Encoding": "identity"})
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308) and resp.getheader("Location"):
                current = urljoin(current, resp.getheader("Location"))
                continue
            if resp.status >= 400:
                raise refuse(url, msg("http_status", status=resp.status))
            kind = (resp.getheader("Content-Type") or "text/html").split(";")[0].strip().lower()
            if kind not in ("text/html", "text/plain", "application/xhtml+xml"):
                raise refuse(url, msg("not_html", kind=kind))
            body = bytearray()
            while True:
                if deadline.expired or time.monotonic() >= deadline.end:
                    raise TimeoutError
                conn.raw.settimeout(deadline.left())
                chunk = resp.read1(_CHUNK)
                if not chunk:
                    break
                body += chunk
                if len(body) > MAX_BYTES:
                    raise refuse(url, msg("page_at_most_mb", mb=MAX_BYTES // 1024 // 1024))
            if deadline.expired:
                raise TimeoutError
            return bytes(body), current
        except (TimeoutError, socket.timeout):
            raise refuse(url, msg("fetch_slow", s=f"{deadline_s:g}")) from None
        except (http.client.HTTPException, ssl.SSLError, OSError) as exc:
            if deadline.expired:
                raise refuse(url, msg("fetch_slow", s=f"{deadline_s:g}")) from None
            raise refuse(url, msg("fetch_failed", why=exc)) from None
        finally:
            timer.cancel()
            conn.close()
    raise refuse(url, msg("too_many_redirects", n=MAX_REDIRECTS))
