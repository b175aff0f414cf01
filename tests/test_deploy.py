"""Issue 26 §2: the deployment a province or the nation runs: two app servers on one PostgreSQL
store behind Debian's nginx with ``deploy/nginx/peta.conf`` (rendered with this run's loopback
ports), started here.

- A browser goes through nginx and stays on its server (the page, its files and the websocket).
- A report saved on the store while the browsers look is shown by the browser on server A and
  the one on server B within 5 s (each server picks the change up on its own).
- Server A stopped mid-session: its browser is sent to server B and sees every saved report.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard import context

from .conftest import DATA, ROOT
from .test_e2e import need_chromium, running_app, wait_healthy

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
COUNT = "Upacara komitmen"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _conf(home: Path, listen: int, upstreams: list[str]) -> Path:
    """The shipped configuration inside a minimal nginx.conf of this run's own (no root paths)."""
    site = (ROOT / "deploy" / "nginx" / "peta.conf").read_text()
    site = re.sub(r"server 127\.0\.0\.1:850[12][^;]*;\n", "", site)
    site = site.replace("hash $peta_route consistent;", "hash $peta_route consistent;\n" + "".join(
        f"    server {u} max_fails=1 fail_timeout=10s;\n" for u in upstreams))
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    # which server answered: for this test only (the shipped file does not say it)
    site = site.replace("proxy_pass http://peta_app;", "proxy_pass http://peta_app;\n"
                        "        add_header X-Peta-Upstream $upstream_addr always;")
    for d in ("logs", "tmp"):
        (home / d).mkdir(exist_ok=True)
    conf = home / "nginx.conf"
    conf.write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {home}/nginx.pid;
error_log {home}/logs/error.log;
events {{ worker_connections 256; }}
http {{
    access_log {home}/logs/access.log;
    client_body_temp_path {home}/tmp/body;
    proxy_temp_path {home}/tmp/proxy;
    fastcgi_temp_path {home}/tmp/fastcgi;
    uwsgi_temp_path {home}/tmp/uwsgi;
    scgi_temp_path {home}/tmp/scgi;
{site}
}}
""")
    return conf


def _upstream(url: str, route: str) -> str:
    req = urllib.request.Request(url + "/_stcore/health", headers={"Cookie": f"peta_route={route}"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return r.headers["X-Peta-Upstream"]


def _count(page, timeout: float = 60_000) -> int:
    """The Ringkasan's ceremony count (waited for: the page draws its tiles after its title)."""
    value = page.locator('[data-testid="stMetric"]', has_text=COUNT).first.locator('[data-testid="stMetricValue"]')
    value.wait_for(timeout=timeout)
    return int(value.inner_text().strip())


def _shows(page, n: int, seconds: float) -> float:
    """Rerun the page in place until it counts ``n`` ceremonies; the seconds it took."""
    start = time.time()
    while time.time() - start < seconds:
        page.locator("body").press("r")
        page.wait_for_timeout(400)
        try:
            if _count(page, 2_000) == n:
                return time.time() - start
        except Exception:  # noqa: BLE001 - the page is redrawing
            pass
    raise AssertionError(f"the page did not show {n} ceremonies within {seconds} s (shows {_count(page)})")


def test_two_servers_behind_nginx_share_one_store(tmp_path, pg_url, browser, geo_cfg):
    need_chromium()
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's nginx is required in CI (bash scripts/install.sh --test installs it)")
        pytest.skip("nginx not installed: bash scripts/install.sh --test")
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    env = {**os.environ, "PETA_DB_URL": pg_url, "PETA_DATA_DIR": str(data)}
    with running_app(env) as a, running_app(env) as b:
        listen = _port()
        conf = _conf(tmp_path, listen, [a.removeprefix("http://"), b.removeprefix("http://")])
        proxy = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{listen}"
        try:
            assert wait_healthy(base, 50, 0.2), "nginx did not answer"
            # a route keeps its server; two routes that reach the two servers, one for each browser
            routes: dict[str, str] = {}
            for i in range(64):
                served = _upstream(base, f"r{i}")
                assert all(_upstream(base, f"r{i}") == served for _ in range(3))  # affinity
                routes.setdefault(served, f"r{i}")
                if len(routes) == 2:
                    break
            assert len(routes) == 2, routes
            addr_a, addr_b = a.removeprefix("http://"), b.removeprefix("http://")
            pages = {}
            for addr in (addr_a, addr_b):
                ctx = browser.new_context(viewport={"width": 1366, "height": 768})
                ctx.add_cookies([{"name": "peta_route", "value": routes[addr], "url": base}])
                page = ctx.new_page()
                page.goto(base + "/?election=pilkada-2024&region=32.01&as_of=2024-11-27")
                _count(page, 120_000)  # drawn over the websocket, through nginx
                pages[addr] = page
            before = _count(pages[addr_a])
            assert _count(pages[addr_b]) == before

            # both pages have just asked their server for the store's version; then a report is saved
            # on the store (as a third server would: this process, on the same PostgreSQL)
            from dashboard.forms import formdata
            from dashboard.store.db import Store
            from dashboard.store.editing import User, create

            shared, gaz = Store(pg_url), context.gazetteer()
            report = formdata.to_report({"region": "32.01.24", "date": dt.date(2024, 11, 20),
                                         "elections": ["pilkada-2024"], "kinds": ["ikrar"],
                                         "sources": [{"outlet": "Warta Uji", "title": "Ikrar di Ciawi"}]})
            for page in pages.values():
                page.locator("body").press("r")
                assert _count(page) == before
            create(shared, gaz, {**report, "id": "ciawi-uji-2024-11-20"}, User("uji"))
            assert _shows(pages[addr_a], before + 1, 5.0) <= 5.0
            assert _shows(pages[addr_b], before + 1, 5.0) <= 5.0

            # server A stops mid-session: its browser goes on through nginx, on B, with everything saved
            stopped = subprocess.run(["pkill", "-f", f"server.port {addr_a.rsplit(':', 1)[1]} "], check=False)
            assert stopped.returncode == 0
            for _ in range(50):  # until A no longer answers
                try:
                    urllib.request.urlopen(a + "/_stcore/health", timeout=1)
                    time.sleep(0.2)
                except OSError:
                    break
            # A's route now reaches B ("A, B" when nginx tried A first in that very request)
            assert _upstream(base, routes[addr_a]).endswith(addr_b)
            page = pages[addr_a]
            page.goto(base + "/?election=pilkada-2024&region=32.01&as_of=2024-11-27")
            assert _count(page, 120_000) == before + 1
        finally:
            proxy.terminate()
            proxy.wait(timeout=20)
