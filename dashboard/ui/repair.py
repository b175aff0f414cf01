"""When the stored records do not load: the app still opens, says what is wrong, and lets a
signed-in user with access withdraw the report(s) at fault (nothing is deleted)."""

from __future__ import annotations

import streamlit as st

from .. import context, problem_text
from ..errors import PetaError
from ..i18n import t
from ..store import editing
from . import cache
from .account import box
from .error_box import show_error
from .safe import bullets


def panel(exc: PetaError, lang: str) -> None:

    show_error(exc, lang)
    store = cache.store(context.db_url())
    rows = editing.faulty_rows(store, exc)
    if not rows:
        st.info(t("repair_none", lang))
        return
    user = box(lang)
    st.subheader(t("repair_title", lang))
    for row in rows:
        with st.container(border=True):
            st.text(f"#{row.id} · {row.ceremony_id} · {row.region_code} · {row.date or '–'} · {row.origin}")
            if user is None or not user.may_write(row.region_code):
                st.caption(t("repair_login", lang))
                continue
            reason = st.text_input(t("withdraw_reason", lang), key=f"repair_reason_{row.id}")
            if st.button(t("repair_withdraw", lang), key=f"repair_{row.id}", type="primary"):
                try:
                    editing.withdraw(store, cache.gazetteer(), row.id, reason, user,
                                     row.version, repair=True)
                except PetaError as err:
                    st.error(bullets(problem_text.lines(err, lang)))
                else:
                    st.cache_data.clear()  # the data fingerprint is cached for 5 s
                    st.rerun()

