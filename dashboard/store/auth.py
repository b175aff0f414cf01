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
import os
import tomllib
from pathlib import Path

from ..errors import PetaError
from ..settings import _secrets_file
from .editing import User

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
    """``[users.*]`` of secrets.toml. A plain ``password`` there is refused, loudly."""
    path = path or _secrets_file()
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        users = tomllib.load(fh).get("users", {})
    for name, entry in users.items():
        if "password" in entry:
            raise PetaError.single(f"users.{name}.password", "(hidden)", "password_hash made by `python -m dashboard "
                                   "user hash` (plain passwords are never stored)", file=str(path))
    return users


def sign_in(name: str, password: str, path: Path | None = None) -> User | None:
    entry = accounts(path).get(name)
    if not entry or not verify_password(password, str(entry.get("password_hash", ""))):
        return None
    return User(name, str(entry.get("region", "")))


def user_for_identity(email: str, path: Path | None = None) -> User:
    """A user signed in through the identity provider: their region from ``[users."<email>"]``."""
    entry = accounts(path).get(email, {})
    return User(email, str(entry.get("region", "")))


def provider_configured(path: Path | None = None) -> bool:
    path = path or _secrets_file()
    if not path.is_file():
        return False
    with path.open("rb") as fh:
        return "auth" in tomllib.load(fh)
