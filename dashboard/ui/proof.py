"""Proof beside the record (issue 42 §3): the uploader on *Catat upacara* and *Dari berita*, the
files of a report being edited, and the pictures on the Peta panel.

What is kept is only what :func:`dashboard.attachments.prepare` made of an upload (an image
re-encoded without its metadata, a PDF with a picture of its first page). Files are shown as
images (``st.image``) or offered as downloads with their own type; never as HTML. A name is text:
it goes through :func:`dashboard.ui.safe.md`. Who sees the files is ``PETA_PROOF_VISIBLE``
(:func:`dashboard.attachments.visible_to`); the mark *Ada bukti* and the count are shown to all."""

from __future__ import annotations

from functools import partial

import streamlit as st

from .. import attachments, context, fmt
from ..errors import PetaError
from ..i18n import t
from ..store import editing
from . import cache
from .error_box import show_error
from .safe import md

TYPES = ["jpg", "jpeg", "png", "pdf"]  # what the picker offers; the content decides (prepare)


def uploader(key: str, lang: str):
    """The file picker: several files, each checked when the report is saved."""
    # the browser refuses a file over the limit before it is sent, and says the limit as "10MB per file"
    return st.file_uploader(t("proof_add", lang), type=TYPES, accept_multiple_files=True, key=key,
                            max_upload_size=attachments.MAX_BYTES // (1024 * 1024),
                            help=t("proof_help", lang, n=attachments.MAX_PER_REPORT,
                                   mb=attachments.MAX_BYTES // (1024 * 1024)))


def prepared(uploaded) -> list:
    """Every uploaded file made safe to keep, or one PetaError naming each file refused (all of
    them, not only the first: the user fixes them at once). Nothing is kept by this."""
    out, problems = [], []
    for f in uploaded or []:
        try:
            out.append(attachments.prepare(f.name, f.getvalue()))
        except PetaError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PetaError(problems)
    return out


def _file(db_url: str, attachment_id: int) -> bytes:
    """The file's bytes, read when the download is asked for (never on every run)."""
    return cache.store(db_url).attachment_bytes(attachment_id)[2]


def gallery(version: str, ceremony_id: str, n: int, user, lang: str) -> None:
    """A ceremony's files of proof on the Peta panel: its mark, then (for whoever may see them) a
    row of pictures and a download of each file with its own type."""
    st.caption(f"**{md(t('has_proof_n', lang, n=fmt.number(n, lang, 0)))}**")
    if not attachments.visible_to(user):
        st.caption(md(t("proof_sign_in", lang)))
        return
    url = context.db_url()
    files = cache.proof_files(version, url, ceremony_id)
    pictures = [(f, cache.proof_thumbnail(version, url, f["id"])) for f in files]
    pictures = [(f, p) for f, p in pictures if p]
    if pictures:
        # st.image's caption is markdown: the name goes through md like any text from the data
        st.image([p for _, p in pictures], caption=[md(f["name"]) for f, _ in pictures], width=96)
    for f in files:
        st.download_button(t("proof_download", lang, name=md(f["name"]), size=fmt.file_size(f["size"], lang)),
                           data=partial(_file, url, f["id"]), file_name=f["name"], mime=f["mime"],
                           key=f"proof_dl_{ceremony_id}_{f['id']}", on_click="ignore", icon=":material/download:",
                           width="stretch")


def manage(store, report_id: int, user, lang: str, key: str) -> None:
    """The files of proof of a report being edited: each with a way to remove it (a reason kept in
    the history), and a picker to add more, kept at once (their own step, apart from the form)."""
    if st.session_state.get(f"{key}_msg"):
        st.success(st.session_state.pop(f"{key}_msg"))
    have = store.attachments([report_id])
    st.markdown(f"**{md(t('proof', lang))}** ({len(have)}/{attachments.MAX_PER_REPORT})")
    for a in have:
        row = st.container(horizontal=True, vertical_alignment="center")
        row.caption(md(f"#{a.id} · {a.name} · {a.mime} · {fmt.file_size(a.size, lang)}"))
        with row.popover(t("proof_remove", lang), icon=":material/delete:"):
            reason = st.text_input(t("proof_remove_reason", lang), key=f"{key}_why_{a.id}")
            if st.button(t("proof_remove", lang), key=f"{key}_rm_{a.id}", type="primary"):
                try:
                    editing.detach(store, a.id, reason, user)
                    cache.changed()
                    st.session_state[f"{key}_msg"] = t("proof_removed", lang, name=a.name)
                    st.rerun()
                except PetaError as exc:
                    show_error(exc, lang, "not_saved")
    if len(have) >= attachments.MAX_PER_REPORT:
        return
    files = uploader(f"{key}_up_{st.session_state.get(key + '_round', 0)}", lang)
    if files and st.button(t("proof_keep", lang, n=len(files)), key=f"{key}_keep", type="primary"):
        try:
            editing.attach(store, report_id, prepared(files), user)
        except PetaError as exc:
            show_error(exc, lang, "not_saved")
            return
        cache.changed()
        st.session_state[key + "_round"] = st.session_state.get(key + "_round", 0) + 1  # an empty picker next
        st.session_state[f"{key}_msg"] = t("proof_kept", lang, n=len(files))
        st.rerun()
