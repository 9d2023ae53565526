"""gunicorn settings for the timeline app servers (`gunicorn -c deploy/gunicorn.conf.py timeline_project.wsgi`).

Sync workers are right here because nginx stands in front (deploy/nginx.conf): it buffers whole
requests and responses, so a worker is never held by a slow client. Never expose this port to the
internet directly: 100 slow clients take every sync (or gthread) worker.
"""

import multiprocessing
import os

# Loopback by default; an app server on its own machine binds its private address for nginx.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer is stuck (the database statement timeout is 20 s): the worker is
# replaced and nginx answers 502 for it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5  # nginx keeps upstream connections open (keepalive 16)
# Recycle workers now and then so a slow leak never grows; jitter keeps them from restarting together.
max_requests = 2000
max_requests_jitter = 200
# X-Forwarded-* are trusted from the proxy only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
# Rejected early, before Django: request lines and headers of a sane size.
limit_request_line = 8190
limit_request_fields = 100
