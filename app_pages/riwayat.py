import streamlit as st

from dashboard import context, settings
from dashboard.i18n import t
from dashboard.ui import account, cache, page
from dashboard.io.workbooks import plain_csv
from dashboard.views import history_rows

view, gaz, rec, version = page.setup()
page.heading("page_history", view, gaz)
user = account.box(view.lang)
lg = view.lang
store = cache.store(context.db_url())
ids = sorted({r.ceremony_id for r in store.rows()})
chosen = st.selectbox(t("history_of", lg), [""] + ids, key="history_id", format_func=lambda c: c or t("history_all", lg))
names = dict(zip(rec.calendar["id"], rec.calendar["name_en" if lg == "en" else "name"]))
table = history_rows(store.history(chosen or None), lg, settings.get("PETA_TIMEZONE"), names)
if user is None:  # who changed what is for signed-in staff; anonymous viewers see the changes only
    table[t("who", lg)] = t("hidden_signed_out", lg)
    st.caption(t("who_hidden", lg))
page.table(table, "history_table", lg)
st.download_button(t("download_history", lg), plain_csv(table),
                   file_name=f"riwayat_{chosen or 'semua'}.csv", mime="text/csv", key="download_history",
                   on_click="ignore", icon=":material/download:")
