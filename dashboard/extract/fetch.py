"""Fetching an article link on the server, carefully.

``http``/``https`` only; every address the host name resolves to must be public (no loopback,
private, link-local or reserved ranges) unless ``PETA_FETCH_ALLOW_PRIVATE`` allows them (tests);
redirects are followed by hand (at most 5) so each hop is checked the same way; 15 s time-out;
at most 5 MB read. Any failure is a :class:`PetaError` naming the link.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from .. import settings
from .article import MAX_BYTES, refuse

TIMEOUT_S = 15
MAX_REDIRECTS = 5
USER_AGENT = "PetaNetralitasASN/0.1 (+https://github.com/; article review)"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # handled in fetch(), hop by hop


def _check_address(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise refuse(url, f"only http:// and https:// links are fetched, not {parts.scheme or 'no scheme'}")
    if not parts.hostname:
        raise refuse(url, "the link has no host name")
    if parts.username or parts.password:
        raise refuse(url, "links with a user name or password are not fetched")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise refuse(url, f"host not found ({exc.strerror}); without internet, upload the page as a file") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not ip.is_global and not allow_private:
            raise refuse(url, f"the host resolves to a non-public address ({ip}); "
                              "set PETA_FETCH_ALLOW_PRIVATE=true to allow it")


def fetch(url: str) -> tuple[bytes, str]:
    """(body, final URL)."""
    if settings.get("PETA_FETCH").lower() != "on":
        raise refuse(url, "fetching links is off on this server (PETA_FETCH=off): upload the page or paste its text")
    allow_private = settings.get("PETA_FETCH_ALLOW_PRIVATE").lower() == "true"
    opener = urllib.request.build_opener(_NoRedirect)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        _check_address(current, allow_private)
        req = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain"})
        try:
            with opener.open(req, timeout=TIMEOUT_S) as resp:
                kind = resp.headers.get_content_type()
                if kind not in ("text/html", "text/plain", "application/xhtml+xml"):
                    raise refuse(url, f"the link gives {kind}, not an HTML page or text")
                body = resp.read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise refuse(url, f"the page is larger than {MAX_BYTES // 1024 // 1024} MB")
                return body, current
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                current = urljoin(current, exc.headers["Location"])
                continue
            raise refuse(url, f"the server answered HTTP {exc.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise refuse(url, f"could not fetch ({reason}); without internet, upload the page as a file") from None
    raise refuse(url, f"more than {MAX_REDIRECTS} redirects")
