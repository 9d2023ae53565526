"""The production recipe, attacked on loopback (issue 14, cases 1, 2, 3 and 5's body limit).

Starts its own Redis (a spare port), a PostgreSQL database of its own on the machine's server,
gunicorn with deploy/gunicorn.conf.py and Debian's nginx with deploy/nginx.conf (TLS lines replaced
by plain HTTP on a spare port), then runs, each bounded in time:

1. slowloris: 100 connections trickling headers, first straight at gunicorn (the threat), then
   through nginx (the recipe): probes keep being served;
2. a short wrk load through nginx: 0 errors;
3. request bodies: 100 MB declared to nginx and to gunicorn refused (413) before being read; a 12 MB
   anonymous upload leaves nothing in gunicorn's temporary directory;
4. Redis stopped, then frozen, mid-run: pages, feeds and an import keep working (latency printed);
5. a database that accepts connections and never answers: 503 in under 5 s, /feeds/ still 200;
and a login flood (8 clients) between 3 and 4: cut short by nginx's rate limit and django-axes.

Prints the figures and "resilience: N passed, M failed"; exits non-zero on any failure. Every
process it starts is stopped on the way out (also on Ctrl-C, SIGTERM or the overall time limit),
and its database is dropped. It never touches the machine's own Redis or PostgreSQL server state.

    .venv/bin/python tests/resilience/run.py        # .ci/run runs it; needs nginx, wrk, redis-server
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
POSTGRES = os.environ.get("RESILIENCE_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
TIME_LIMIT = 230  # seconds for the whole run, a safety stop; it takes 110-150 s
SLOWLORIS_CONNECTIONS = 100
SLOWLORIS_SECONDS = 12
WORKERS = 4
PROBE_TIMEOUT = 5.0

checks: list[tuple[str, bool, str]] = []
processes: list[subprocess.Popen] = []


def check(name: str, ok: bool, detail: str = "") -> bool:
    checks.append((name, ok, detail))
    print(f"  [{'ok' if ok else 'FAILED'}] {name}{': ' + detail if detail else ''}", flush=True)
    return ok


def spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(args: list, log: Path, env: dict | None = None) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(a) for a in args],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopped with all its children
    )
    processes.append(process)
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGCONT)  # a frozen process must be able to hear SIGTERM
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def get(port: int, path: str, timeout: float = PROBE_TIMEOUT, headers: dict | None = None):
    """(status, seconds, headers, body) of one GET on 127.0.0.1; status 0 when it failed or timed out."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        return response.status, time.monotonic() - started, dict(response.getheaders()), body
    except OSError:
        return 0, time.monotonic() - started, {}, b""
    finally:
        connection.close()


def wait_until_up(port: int, path: str = "/feeds/", seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if get(port, path, timeout=2)[0] == 200:
            return True
        time.sleep(0.2)
    return False


def latency_ms(port: int, path: str, count: int = 8) -> tuple[list[int], float]:
    results = [get(port, path) for _ in range(count)]
    return [status for status, *_ in results], statistics.median(seconds for _, seconds, *_ in results) * 1000


def manage(env: dict, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PY), "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


# The services ----------------------------------------------------------------------------------


def nginx_config(work: Path, listen: int, redirect_listen: int, upstream: int) -> Path:
    """deploy/nginx.conf and its proxy snippet, with only addresses, paths and TLS lines replaced."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    snippet = (ROOT / "deploy" / "nginx" / "timeline-proxy.conf").read_text()
    replacements = [
        (r"server 127\.0\.0\.1:8000 ", f"server 127.0.0.1:{upstream} "),
        (r"\n\s*listen \[::\]:\d+[^;]*;", ""),
        (r"listen 80;", f"listen 127.0.0.1:{redirect_listen};"),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{listen};"),
        (r"\n\s*ssl_[a-z_]+ [^;]+;", ""),
        (r"include snippets/timeline-proxy\.conf;", f"include {work / 'timeline-proxy.conf'};"),
        (r"/var/cache/nginx/timeline ", f"{work / 'nginx-cache'} "),
    ]
    for pattern, replacement in replacements:
        site, count = re.subn(pattern, replacement, site)
        if not count:
            raise SystemExit(f"deploy/nginx.conf changed: {pattern!r} not found; update {__file__}")
    snippet, count = re.subn(r"alias /srv/timeline/staticfiles/;", f"alias {ROOT / 'staticfiles'}/;", snippet)
    if not count:
        raise SystemExit(f"deploy/nginx/timeline-proxy.conf changed: static alias not found; update {__file__}")
    (work / "timeline-proxy.conf").write_text(snippet)
    (work / "site.conf").write_text(site)
    temp = work / "nginx-temp"
    temp.mkdir()
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = f"""{user}worker_processes 1;
daemon off;
pid {work / "nginx.pid"};
error_log {work / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {work / "site.conf"};
}}
"""
    path = work / "nginx.conf"
    path.write_text(main)
    return path


class SilentListener:
    """Accepts TCP connections on 127.0.0.1 and never sends a byte (a database that never answers)."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(128)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stopped.is_set():
            with suppress(OSError):
                self.accepted.append(self.server.accept()[0])

    def close(self):
        self.stopped.set()
        self.thread.join(timeout=2)
        for connection in self.accepted:
            connection.close()
        self.server.close()


# The attacks -----------------------------------------------------------------------------------


def slowloris(port: int, seconds: float, probe_port: int, probe_paths: tuple[str, ...]) -> dict:
    """Hold SLOWLORIS_CONNECTIONS connections sending one header line every 2 s; probe once a second."""
    sockets = []
    for _ in range(SLOWLORIS_CONNECTIONS):
        with suppress(OSError):
            connection = socket.create_connection(("127.0.0.1", port), timeout=2)
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            sockets.append(connection)
    opened = len(sockets)
    probes, served, times = 0, 0, []
    deadline = time.monotonic() + seconds
    next_trickle = time.monotonic() + 2
    while time.monotonic() < deadline:
        status, elapsed, *_ = get(probe_port, probe_paths[probes % len(probe_paths)], timeout=PROBE_TIMEOUT)
        probes += 1
        if status == 200:
            served += 1
            times.append(elapsed * 1000)
        if time.monotonic() >= next_trickle:
            for connection in list(sockets):
                try:
                    connection.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    sockets.remove(connection)  # the server closed it: that is the defence working
            next_trickle = time.monotonic() + 2
        time.sleep(max(0.0, 1 - elapsed))
    still_open = len(sockets)
    for connection in sockets:
        connection.close()
    return {
        "opened": opened,
        "still_open": still_open,
        "probes": probes,
        "served": served,
        "median_ms": statistics.median(times) if times else None,
    }


def wrk(url: str, seconds: int = 5, connections: int = 32) -> dict:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
    )
    out = result.stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    socket_errors = (
        sum(int(n) for n in m.groups())
        if (m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out))
        else 0
    )
    latency = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", out)
    return {
        "requests": requests,
        "rate": rate,
        "errors": non_2xx + socket_errors,
        "latency_avg": latency.group(1) if latency else "?",
        "latency_max": latency.group(3) if latency else "?",
    }


def declared_body(port: int, path: str, declared: int, sent: int = 65536) -> tuple[int, float]:
    """POST with a Content-Length of `declared` bytes, sending only the first `sent`: (status, seconds)."""
    started = time.monotonic()
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {declared}\r\nConnection: close\r\n\r\n".encode()
        )
        with suppress(OSError):
            connection.sendall(b"\0" * sent)
        reply = b""
        with suppress(OSError):
            while chunk := connection.recv(65536):
                reply += chunk
                if b"\r\n\r\n" in reply:
                    break
        match = re.match(rb"HTTP/1\.[01] (\d{3})", reply)
        return (int(match.group(1)) if match else 0), time.monotonic() - started
    finally:
        connection.close()


def login_flood(port: int, seconds: float, clients: int, probe_path: str = "/feeds/") -> dict:
    """`clients` threads posting wrong passwords (valid CSRF, so each would be checked) while one probes."""
    _, _, headers, body = get(port, "/admin/login/")
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not (cookie and token):
        raise SystemExit("no CSRF token on /admin/login/")
    form = f"csrfmiddlewaretoken={token.group(1).decode()}&username=admin&password=wrong&next=/admin/"
    statuses: dict[int, int] = {}
    deadline = time.monotonic() + seconds

    def flood():
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=PROBE_TIMEOUT)
            try:
                connection.request(
                    "POST",
                    "/admin/login/",
                    body=form,
                    headers={
                        "Host": "127.0.0.1",
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": f"csrftoken={cookie.group(1)}",
                    },
                )
                status = connection.getresponse().status
            except OSError:
                status = 0
            finally:
                connection.close()
            statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=flood) for _ in range(clients)]
    for thread in threads:
        thread.start()
    probe_times = []  # (seconds into the flood, milliseconds; inf when not served)
    started = time.monotonic()
    while time.monotonic() < deadline:
        status, elapsed, *_ = get(port, probe_path)
        probe_times.append((time.monotonic() - started, elapsed * 1000 if status == 200 else float("inf")))
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    # The burst nginx lets through costs a few password hashes in the first seconds; after it every
    # attempt is refused without one, which is what a long flood meets.
    later = [ms for at, ms in probe_times if at >= seconds / 2] or [float("inf")]
    return {
        "statuses": statuses,
        "probe_median_ms": statistics.median(ms for _, ms in probe_times),
        "later_median_ms": statistics.median(later),
    }


def multipart_upload(port: int, path: str, size: int) -> int:
    """An anonymous login POST carrying a file of `size` bytes, with a valid CSRF token so it is parsed."""
    _, _, headers, body = get(port, path)
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not (cookie and token):
        raise SystemExit(f"no CSRF token on {path}")
    boundary = "resilience" + secrets.token_hex(8)
    fields = {"csrfmiddlewaretoken": token.group(1).decode(), "username": "x", "password": "y"}
    head = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in fields.items()
    )
    head += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="junk"; filename="junk.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    )
    tail = f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            path,
            body=head.encode() + b"\0" * size + tail,
            headers={
                "Host": "127.0.0.1",
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Cookie": f"csrftoken={cookie.group(1)}",
            },
        )
        return connection.getresponse().status
    finally:
        connection.close()


RELEASE = """Consultations of the CSTO Joint Staff on the resilience exercise

Consultations of the CSTO Joint Staff on the resilience exercise {day:02d}.03.2031

On March {day}, 2031, consultations on the resilience exercise {token} were held at the CSTO Joint Staff.
"""


# The run ----------------------------------------------------------------------------------------


def main(work: Path) -> None:
    import psycopg

    for tool in ("nginx", "wrk", "redis-server"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is not installed (apt-get install nginx wrk redis-server)")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"

    database = f"timeline_resilience_{os.getpid()}"
    with psycopg.connect(POSTGRES, autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    database_url = POSTGRES.rsplit("/", 1)[0] + f"/{database}"
    try:
        run(work, nginx, database_url)
    finally:
        with psycopg.connect(POSTGRES, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def run(work: Path, nginx: str, database_url: str) -> None:
    redis_port, app_port, silent_app_port = spare_port(), spare_port(), spare_port()
    proxy_port, redirect_port = spare_port(), spare_port()
    gunicorn_tmp = work / "gunicorn-tmp"
    gunicorn_tmp.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "GUNICORN_"))},
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback: the trial mode of the README
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "GUNICORN_ACCESS_LOG": "",
        "TMPDIR": str(gunicorn_tmp),
    }

    print("== setting up: PostgreSQL database, migrate, collectstatic, seeds", flush=True)
    for args in (("migrate", "--noinput"), ("collectstatic", "--noinput"), ("import_releases", "seeds", "--publish")):
        result = manage(env, *args)
        if result.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")

    redis_args = ["redis-server", "--port", redis_port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    redis_args += ["--dir", work, "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"]
    redis = start(redis_args, work / "redis.log")
    app_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{app_port}", "GUNICORN_WORKERS": str(WORKERS)}
    start([GUNICORN, "-c", "deploy/gunicorn.conf.py", "timeline_project.wsgi"], work / "gunicorn.log", app_env)
    config = nginx_config(work, proxy_port, redirect_port, app_port)
    tested = subprocess.run([nginx, "-t", "-c", config], capture_output=True, text=True)
    if tested.returncode != 0:
        raise SystemExit(f"nginx -t failed:\n{tested.stderr}")
    start([nginx, "-c", config], work / "nginx.log")
    if not (wait_until_up(app_port) and wait_until_up(proxy_port)):
        raise SystemExit(f"gunicorn or nginx did not start; see {work}")
    print(f"   gunicorn ({WORKERS} sync workers) on :{app_port}, nginx on :{proxy_port}, redis on :{redis_port}")

    print("== the recipe's headers", flush=True)
    status, _, headers, _ = get(proxy_port, "/", headers={"Accept-Encoding": "gzip"})
    check("HTML through nginx is gzipped", headers.get("Content-Encoding") == "gzip", headers.get("Content-Encoding"))
    status, _, headers, body = get(proxy_port, "/calendar.ics", headers={"Accept-Encoding": "gzip"})
    check("the feed through nginx is gzipped", headers.get("Content-Encoding") == "gzip", f"{len(body)} bytes sent")
    second = get(proxy_port, "/calendar.ics", headers={"Accept-Encoding": "gzip"})[2]
    check(
        "nginx keeps the feed (built once a minute)",
        second.get("X-Cache-Status") == "HIT",
        second.get("X-Cache-Status"),
    )
    server = headers.get("Server", "")
    check("Server header names no version and no gunicorn", server in ("", "nginx"), repr(server))
    status, _, headers, _ = get(redirect_port, "/feeds/")
    check("plain HTTP redirects to https", status == 301 and headers.get("Location", "").startswith("https://"))

    print(f"== 1. slowloris: {SLOWLORIS_CONNECTIONS} connections trickling headers", flush=True)
    direct = slowloris(app_port, 8, app_port, ("/feeds/", "/"))
    print(
        f"   straight at gunicorn ({WORKERS} sync workers, no proxy): probes served {direct['served']} of "
        f"{direct['probes']} (the threat the proxy removes)",
        flush=True,
    )
    check("gunicorn recovers once the slow clients leave", wait_until_up(app_port, seconds=40))
    proxied = slowloris(proxy_port, SLOWLORIS_SECONDS, proxy_port, ("/feeds/", "/", "/calendar.ics"))
    median = f"{proxied['median_ms']:.0f} ms" if proxied["median_ms"] is not None else "n/a"
    print(
        f"   through nginx: probes served {proxied['served']} of {proxied['probes']} "
        f"(median {median}); slow connections still open at the end: {proxied['still_open']} of {proxied['opened']}"
    )
    check("through nginx every probe is served", proxied["probes"] > 0 and proxied["served"] == proxied["probes"])

    print("== 2. wrk load through nginx (5 s each, 32 connections)", flush=True)
    for path in ("/", "/calendar.ics", "/calendar.ics?kind=exercise", "/feeds/"):
        figures = wrk(f"http://127.0.0.1:{proxy_port}{path}")
        print(
            f"   {path}: {figures['requests']} requests, {figures['rate']:.0f}/s, errors {figures['errors']}, "
            f"latency avg {figures['latency_avg']} max {figures['latency_max']}"
        )
        check(f"wrk {path}: 0 errors", figures["errors"] == 0 and figures["requests"] > 0)

    print("== 3. request bodies", flush=True)
    status, seconds = declared_body(proxy_port, "/admin/login/", 100_000_000)
    check("100 MB declared to nginx: 413 before reading", status == 413, f"{status} in {seconds * 1000:.0f} ms")
    status, seconds = declared_body(app_port, "/admin/login/", 100_000_000)
    check("100 MB declared to gunicorn: 413 before reading", status == 413, f"{status} in {seconds * 1000:.0f} ms")
    status = multipart_upload(app_port, "/admin/login/", 12_000_000)
    left = sorted(p.name for p in gunicorn_tmp.iterdir())
    check("an anonymous 12 MB upload writes nothing to disk", not left, f"status {status}, temporary files {left}")

    print("== login flood: 8 clients posting wrong passwords through nginx for 6 s", flush=True)
    quiet = latency_ms(proxy_port, "/feeds/")[1]
    flood = login_flood(proxy_port, 6, 8)
    answered = ", ".join(f"{count} × {status}" for status, count in sorted(flood["statuses"].items()))
    print(
        f"   login attempts answered: {answered}; /feeds/ median {quiet:.0f} ms before, "
        f"{flood['probe_median_ms']:.0f} ms during the flood, {flood['later_median_ms']:.0f} ms in its second half"
    )
    limited = sum(count for status, count in flood["statuses"].items() if status == 429)
    checked = sum(count for status, count in flood["statuses"].items() if status != 429)  # reached a worker
    check("the flood is cut short (429) and few passwords are checked", limited > 0 and checked <= 12, answered)
    later = flood["later_median_ms"]
    check("/feeds/ fast again once the burst is spent", later < 1000, f"{later:.0f} ms")

    print("== 4. Redis stopped mid-run", flush=True)
    paths = ("/", "/calendar.ics", "/calendar.ics?kind=exercise&year=2020", "/feeds/")
    # Straight at gunicorn: nginx's feed cache would otherwise answer for the app.
    before = {path: latency_ms(app_port, path) for path in paths}
    stop(redis)
    after = {path: latency_ms(app_port, path) for path in paths}
    for path in paths:
        statuses, median = after[path]
        print(f"   {path}: median {before[path][1]:.1f} ms with Redis, {median:.1f} ms with Redis stopped")
        check(f"{path} with Redis stopped", set(statuses) == {200}, f"statuses {sorted(set(statuses))}")
    release = work / "resilience-release.txt"
    release.write_text(RELEASE.format(day=12, token=secrets.token_hex(4)))
    started = time.monotonic()
    imported = manage(env, "import_releases", str(release), "--publish")
    check(
        "import with Redis stopped",
        imported.returncode == 0 and "1 new" in imported.stdout,
        f"exit {imported.returncode} in {time.monotonic() - started:.1f} s: {imported.stdout.strip().splitlines()[-1:]}",
    )
    figures = wrk(f"http://127.0.0.1:{app_port}/calendar.ics", seconds=3, connections=8)
    print(f"   wrk /calendar.ics at gunicorn with Redis stopped: {figures['rate']:.0f}/s, errors {figures['errors']}")
    check("wrk with Redis stopped: 0 errors", figures["errors"] == 0)

    redis = start(redis_args, work / "redis.log")
    time.sleep(0.5)
    os.killpg(redis.pid, signal.SIGSTOP)  # accepts connections, never answers
    frozen = {path: latency_ms(app_port, path, count=4) for path in paths[:3]}
    for path, (statuses, median) in frozen.items():
        print(f"   {path}: median {median:.0f} ms with Redis frozen (accepting, never answering)")
        check(f"{path} with Redis frozen", set(statuses) == {200}, f"statuses {sorted(set(statuses))}")
    stop(redis)

    print("== 5. a database that accepts connections and never answers", flush=True)
    silent = SilentListener()
    try:
        silent_env = {
            **env,
            "DATABASE_URL": f"postgres://nobody@127.0.0.1:{silent.port}/timeline",
            "GUNICORN_BIND": f"127.0.0.1:{silent_app_port}",
            "GUNICORN_WORKERS": "2",
        }
        start(
            [GUNICORN, "-c", "deploy/gunicorn.conf.py", "timeline_project.wsgi"],
            work / "gunicorn-silent.log",
            silent_env,
        )
        check("/feeds/ answers with the database silent", wait_until_up(silent_app_port))
        for path in ("/", "/calendar.ics", "/events/1/", "/feeds/"):
            status, seconds, headers, _ = get(silent_app_port, path, timeout=30)
            expected = 200 if path == "/feeds/" else 503
            print(f"   {path}: {status} in {seconds:.2f} s")
            check(f"{path}: {expected} in under 5 s", status == expected and seconds < 5)
        results = []
        threads = [
            threading.Thread(target=lambda: results.append(get(silent_app_port, "/", timeout=30))) for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        slowest = max(seconds for _, seconds, *_ in results)
        statuses = sorted({status for status, *_ in results})
        print(f"   2 at once (one per worker): {statuses}, slowest {slowest:.2f} s")
        check("concurrent requests: 503 in under 5 s", statuses == [503] and slowest < 5)
    finally:
        silent.close()


def finish(signum=None, frame=None):
    raise SystemExit(f"stopped by signal {signum}" if signum != signal.SIGALRM else f"over {TIME_LIMIT} s")


if __name__ == "__main__":
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM):
        signal.signal(sig, finish)
    signal.alarm(TIME_LIMIT)
    work = Path(tempfile.mkdtemp(prefix="timeline-resilience-"))
    started = time.monotonic()
    failure = None
    try:
        main(work)
    except SystemExit as error:
        failure = str(error)
    except Exception as error:  # report, clean up, fail
        failure = f"{type(error).__name__}: {error}"
    finally:
        signal.alarm(0)
        for process in reversed(processes):
            stop(process)
    if failure:
        print(f"resilience run aborted: {failure}", flush=True)
        for log in sorted(work.glob("*.log")):
            print(f"--- {log.name} (last lines)\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:]))
    shutil.rmtree(work, ignore_errors=True)
    failed = sum(1 for _, ok, _ in checks if not ok) + (1 if failure else 0)
    passed = sum(1 for _, ok, _ in checks if ok)
    print(f"resilience run took {time.monotonic() - started:.0f} s")
    print(f"resilience: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
