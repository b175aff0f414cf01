"""Viewers without a browser: each is a websocket session speaking Streamlit's own protocol (the
``BackMsg``/``ForwardMsg`` messages a browser sends and receives), so 25 of them cost this machine
next to nothing and the server's time is what is measured.

A viewer opens a page, waits for its first run to finish, then changes the election picker (the
widget with key ``election``) every ``interval`` seconds, each time timing the rerun: from the
message sent to the server's ``script_finished``. Used by ``benchmarks/season.py``.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


class Viewer:
    """``base``: the server (``http://``) or a TLS proxy before it (``https://``, as nginx serves
    the app: the websocket is then ``wss://``, its certificate not checked, ``route`` sent as the
    ``peta_route`` cookie that keeps a browser on one server, see deploy/nginx/peta.conf)."""

    def __init__(self, base: str, page: str, query: str, route: str | None = None, source: str | None = None) -> None:
        self.url = base.replace("https://", "wss://").replace("http://", "ws://") + "/_stcore/stream"
        self.origin = base
        self.route = route
        self.source = source  # the loopback address it connects from (nginx limits connections per address)
        self.page, self.query = page, query
        self.page_hash = ""
        self.widget = None  # the election picker's widget id
        self.options: list[str] = []
        self.ws = None
        self.texts: list[str] = []  # markdown and metric text of the last run (for "is it shown")
        self.page_run = ""  # the url path of the page the server ran last (checked by the benchmark)

    async def open(self) -> float:
        import websockets

        extra = {}
        if self.url.startswith("wss://"):
            import ssl

            tls = ssl.create_default_context()
            tls.check_hostname, tls.verify_mode = False, ssl.CERT_NONE  # the proxy's self-signed pair
            extra["ssl"] = tls
        if self.route:
            extra["additional_headers"] = {"Cookie": f"peta_route={self.route}"}
        if self.source:
            extra["local_addr"] = (self.source, 0)
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None, origin=self.origin,
                                           **extra)
        return await self._run()

    async def _run(self, value: str | None = None) -> float:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_name = self.page
        cs.page_script_hash = self.page_hash
        if value is not None:
            w = cs.widget_states.widgets.add()
            w.id = self.widget
            w.string_value = value
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        self.texts = []
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), 300)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "navigation":
                # the page this session runs, as the router names it (issue 39): new_session carries the
                # main script's hash, and sending that back reran the default page (Ringkasan), not
                # the page asked for; the navigation message names the page actually run
                self.page_hash = fwd.navigation.page_script_hash or self.page_hash
                self.page_run = next((p.url_pathname for p in fwd.navigation.app_pages
                                      if p.page_script_hash == fwd.navigation.page_script_hash), "")
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                el = fwd.delta.new_element
                which = el.WhichOneof("type")
                if which == "selectbox" and el.selectbox.id.endswith("-election"):
                    self.widget, self.options = el.selectbox.id, list(el.selectbox.options)
                elif which == "markdown":
                    self.texts.append(el.markdown.body)
                elif which == "metric":
                    self.texts.append(f"{el.metric.label} {el.metric.body}")
            elif kind == "script_finished":
                if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # the page asked for another run (st.rerun): it follows
                return time.perf_counter() - t0

    async def change(self, option: str) -> float:
        """Pick ``option`` (as the picker shows it) and time the rerun."""
        return await self._run(option)

    async def close(self) -> None:
        await self.ws.close()


async def _viewer(base: str, page: str, query: str, changes: int, interval: float,
                  times: list[float], firsts: list[float], start_delay: float, route: str | None = None,
                  source: str | None = None) -> None:
    await asyncio.sleep(start_delay)
    v = Viewer(base, page, query, route, source)
    await v.open()
    if v.widget is None or len(v.options) < 2:
        raise RuntimeError(f"no election picker with two elections on {page}")
    if v.page_run != page:
        raise RuntimeError(f"the server ran page {v.page_run!r}, not {page!r}: the benchmark would time the wrong page")
    for i in range(changes):
        t0 = time.perf_counter()
        took = await v.change(v.options[i % 2])
        if v.page_run != page:  # every timed rerun is of the page named, never the default one
            raise RuntimeError(f"rerun {i} ran page {v.page_run!r}, not {page!r}")
        times.append(took)
        if i == 0:
            firsts.append(took)
        await asyncio.sleep(max(0.0, interval - (time.perf_counter() - t0)))
    await v.close()


def concurrent(base: str, sessions: int, changes: int = 8, interval: float = 1.0, page: str = "peta",
               query: str = "election=pilkada-2024", routes: tuple[str | None, ...] = (None,)) -> dict:
    """``sessions`` viewers at once, each switching between the picker's first two elections
    ``changes`` times about every ``interval`` s (starts spread over one interval); p50/p95 of the
    reruns, in seconds, and the slowest first change (with one viewer: the rerun of a view not
    computed before, "cold")."""
    times: list[float] = []
    firsts: list[float] = []

    async def main():
        # viewer i keeps route i mod len(routes): through nginx, split between its servers
        # through a proxy, each viewer from its own loopback address, as browsers come from their own
        await asyncio.gather(*(_viewer(base, page, query, changes, interval, times, firsts,
                                       interval * i / sessions, routes[i % len(routes)],
                                       f"127.0.0.{10 + i}" if base.startswith("https://") else None)
                               for i in range(sessions)))

    asyncio.run(main())
    times.sort()
    return {"sessions": sessions, "reruns": len(times), "p50_s": round(statistics.median(times), 3),
            "p95_s": round(times[min(len(times) - 1, int(0.95 * len(times)))], 3), "max_s": round(times[-1], 3),
            "first_change_max_s": round(max(firsts), 3)}
