"""Signing in (sidebar) and who the current user is. See ``dashboard/store/auth.py``."""

from __future__ import annotations

import streamlit as st

from ..i18n import t
from ..store import auth
from ..store.editing import User


def current_user() -> User | None:
    if auth.provider_configured():
        if getattr(st.user, "is_logged_in", False):
            return auth.user_for_identity(str(st.user.get("email") or st.user.get("name")))
        return None
    return st.session_state.get("_user")


def client_address() -> str:
    """The browser's address. Behind the shipped nginx the connection comes from the proxy on this
    machine, and nginx sets ``X-Real-IP`` from the address it saw (never one a client sends), so
    that header is believed only when the connection itself comes from this machine or a private
    network; a browser reaching the app directly is known by its own connection."""
    import ipaddress

    direct = st.context.ip_address
    if not isinstance(direct, str) or not direct:  # Streamlit gives None for a loopback connection
        direct = "127.0.0.1"
    try:
        local = ipaddress.ip_address(direct).is_loopback or ipaddress.ip_address(direct).is_private
    except ValueError:
        local = False
    forwarded = st.context.headers.get("X-Real-Ip")
    forwarded = forwarded.strip() if isinstance(forwarded, str) else ""
    return forwarded[:64] if local and forwarded else direct


def _sign_in() -> None:
    from . import cache
    from .. import context

    user = auth.sign_in(st.session_state.get("login_name", ""), st.session_state.get("login_password", ""),
                        store=cache.store(context.db_url()), address=client_address())
    st.session_state["login_password"] = ""  # never kept
    st.session_state["_user"] = user
    st.session_state["_login_failed"] = user is None


def box(lang: str, main: bool = False) -> User | None:
    """The sign-in box, in the sidebar; returns the signed-in user (or None). ``main``: a page that
    needs a sign-in (Catat, Dari berita, Impor, Kalender) offers it in the page itself while nobody
    is signed in, where the user is looking, not below the fold of the sidebar."""
    user = current_user()
    place = st.container(border=True) if main and user is None else st.sidebar
    with place:
        st.markdown(f"**{t('account', lang)}**")
        if user:
            where = _region_name(user.region) if user.region else t("all_regions", lang)
            st.caption(t("signed_in_as", lang, name=user.name, region=where))
            if auth.provider_configured():
                st.button(t("sign_out", lang), key="logout", on_click=st.logout)
            else:
                st.button(t("sign_out", lang), key="logout", on_click=lambda: st.session_state.pop("_user", None))
        elif auth.provider_configured() and getattr(st.user, "is_logged_in", False):
            # signed in with the provider but not listed in [users]: may view, never write
            st.caption(t("not_listed", lang, name=str(st.user.get("email") or st.user.get("name"))))
            st.button(t("sign_out", lang), key="logout", on_click=st.logout)
        elif auth.provider_configured():
            st.button(t("sign_in", lang), key="login", on_click=st.login)
        else:
            st.text_input(t("user_name", lang), key="login_name")
            st.text_input(t("password", lang), type="password", key="login_password")
            st.button(t("sign_in", lang), key="login", on_click=_sign_in)
            if st.session_state.get("_login_failed"):
                st.caption(t("login_failed", lang))
    return user


def _region_name(code: str) -> str:
    """"Kec. Ciawi (32.01.24)": staff know their region by name, not by its code."""
    from .cache import gazetteer

    gaz = gazetteer()
    return f"{gaz.get(code).label} ({code})" if code in gaz else code
