"""Who may write. Two ways to sign in, documented in the README:

1. **An identity provider** (Streamlit's ``st.login``) when ``.streamlit/secrets.toml`` has an
   ``[auth]`` section; the signed-in e-mail is looked up in ``[users]`` for its region.
2. **Simple accounts** otherwise: ``[users.<name>]`` entries with ``password_hash`` (PBKDF2-SHA256,
   made by ``python -m dashboard user hash``) and an optional ``region``. Plain passwords are
   never stored or accepted in the file.

A user without ``region`` writes everywhere; with ``region = "32.01.01"`` only in that
kecamatan (and its villages).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import threading
import time
import tomllib
from pathlib import Path

from ..settings import _secrets_file
from .editing import User

log = logging.getLogger(__name__)
ITERATIONS = 390_000
PREFIX = "pbkdf2_sha256"


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"{PREFIX}${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        prefix, iterations, salt, digest = stored.split("$")
        if prefix != PREFIX:
            return False
        expected = base64.b64decode(digest)
        got = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def accounts(path: Path | None = None) -> dict[str, dict]:
    """``[users.*]`` of secrets.toml. An entry with a plain ``password`` is left out (that user
    cannot sign in until it is replaced by a ``password_hash``) and logged; the others still work,
    so one careless line does not lock everyone out."""
    path = path or _secrets_file()
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        users = tomllib.load(fh).get("users", {})
    refused = [name for name, entry in users.items() if not isinstance(entry, dict) or "password" in entry]
    for name in refused:
        log.warning("%s: [users.%s] has a plain password (or is not a table) and is ignored; give it a "
                    "password_hash made by `python -m dashboard user hash`", path, name)
    return {name: entry for name, entry in users.items() if name not in refused}


# A hash of a random password: checked when the name is unknown, so a wrong name takes as long as a
# wrong password and the answer time does not tell which names exist.
_DUMMY = hash_password(base64.b64encode(os.urandom(12)).decode())
MAX_FAILURES, LOCK_SECONDS = 5, 600


class _Failures:
    """Failed sign-ins per name, in this server process: after MAX_FAILURES within LOCK_SECONDS the
    name is refused (without checking the password) until the window has passed."""

    def __init__(self):
        self._lock = threading.Lock()
        self._times: dict[str, list[float]] = {}

    def locked(self, name: str, now: float) -> bool:
        with self._lock:
            recent = [t for t in self._times.get(name, []) if now - t < LOCK_SECONDS]
            self._times[name] = recent
            return len(recent) >= MAX_FAILURES

    def failed(self, name: str, now: float) -> None:
        with self._lock:
            self._times.setdefault(name, []).append(now)

    def clear(self, name: str) -> None:
        with self._lock:
            self._times.pop(name, None)


FAILURES = _Failures()


def sign_in(name: str, password: str, path: Path | None = None, now: float | None = None) -> User | None:
    """The user, or None for a wrong name or password, or a name locked after repeated failures."""
    now = time.monotonic() if now is None else now
    key = name.strip().lower()
    if FAILURES.locked(key, now):
        log.warning("sign-in refused for %r: %d failures in %d s", name, MAX_FAILURES, LOCK_SECONDS)
        return None
    entry = accounts(path).get(name)
    ok = verify_password(password, str(entry.get("password_hash", "")) if entry else _DUMMY)
    if not entry or not ok:
        FAILURES.failed(key, now)
        return None
    FAILURES.clear(key)
    return User(name, _region(entry))


def user_for_identity(email: str, path: Path | None = None) -> User | None:
    """A user signed in through the identity provider, if listed in ``[users."<email>"]`` (with their
    region). An identity that is not listed may view, never write: None."""
    entry = accounts(path).get(email)
    if entry is None:
        return None
    return User(email, _region(entry))


def _region(entry: dict) -> str | None:
    """An account's region: a code, or None (every region) when the secrets file leaves it out or empty."""
    region = str(entry.get("region") or "").strip()
    return region or None


def provider_configured(path: Path | None = None) -> bool:
    path = path or _secrets_file()
    if not path.is_file():
        return False
    with path.open("rb") as fh:
        return "auth" in tomllib.load(fh)
