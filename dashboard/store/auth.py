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
import datetime as dt
import hashlib
import hmac
import logging
import os
from pathlib import Path

from ..io import files
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
    users = files.read_toml(path).get("users", {})
    refused = [name for name, entry in users.items() if not isinstance(entry, dict) or "password" in entry]
    for name in refused:
        log.warning("%s: [users.%s] has a plain password (or is not a table) and is ignored; give it a "
                    "password_hash made by `python -m dashboard user hash`", path, name)
    return {name: entry for name, entry in users.items() if name not in refused}


# A hash of a random password: checked when the name is unknown, so a wrong name takes as long as a
# wrong password and the answer time does not tell which names exist.
_DUMMY = hash_password(base64.b64encode(os.urandom(12)).decode())
MAX_FAILURES, LOCK_SECONDS = 5, 600
# failures from one client address, whatever names it tries: a spray of many names is stopped too
MAX_ADDRESS_FAILURES = 20


def sign_in(name: str, password: str, path: Path | None = None, *, store, address: str = "",
            now: dt.datetime | None = None) -> User | None:
    """The user, or None for a wrong name or password, or a refusal by the lockout: after
    MAX_FAILURES failures for a name, or MAX_ADDRESS_FAILURES from one client ``address``, within
    LOCK_SECONDS, attempts are refused without checking the password until the window has passed.
    Failures are counted in ``store`` (issue 40), so every server behind the proxy shares them;
    every attempt is kept there (``python -m dashboard db signins``)."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    key = name.strip().lower()
    address = address or "unknown"
    by_name, by_address = store.signin_counts(key, address, now - dt.timedelta(seconds=LOCK_SECONDS))
    if by_name >= MAX_FAILURES or by_address >= MAX_ADDRESS_FAILURES:
        log.warning("sign-in refused for %r from %s: %d failures for the name, %d from the address in %d s",
                    name, address, by_name, by_address, LOCK_SECONDS)
        store.record_signin(key, address, "locked", now)
        return None
    entry = accounts(path).get(name)
    ok = verify_password(password, str(entry.get("password_hash", "")) if entry else _DUMMY)
    store.record_signin(key, address, "ok" if entry and ok else "failed", now)
    if not entry or not ok:
        return None
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
    return "auth" in files.read_toml(path)
