"""Latency of the web server under concurrent clients, on loopback.

    .venv/bin/python benchmarks/bench_serve.py --db newsgraph.db [--clients 8] [--requests 300]

Starts `newsgraph serve` on a free loopback port in a subprocess, then runs `--clients`
threads, each with its own keep-alive connection, that together send `--requests` requests
per endpoint kind (entity page, search API, dyad API and dyad page), interleaved, after a
warm-up that asks for every URL at least once per server process. Prints
p50/p95/max per kind and whether every p95 is under `--target-ms`. Bounded: it stops after the
requests are sent or after `--max-seconds`, whichever comes first, and stops the server.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

SEARCH_WORDS = ["India", "defense cooperation", "Quad", "sanctions", "Ukraine", "climate",
                "Indo-Pacific", "Jaishankar", "trade", "security council", "partnership",
                "nuclear"]


@dataclass
class Sample:
    kind: str
    ms: float
    status: int


@dataclass
class Results:
    samples: list[Sample] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, s: Sample) -> None:
        with self.lock:
            self.samples.append(s)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int, cache: bool) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("newsgraph")
    cmd = [str(exe), "serve", "--db", str(db), "--port", str(port), "--log-level", "warning",
           "--workers", str(workers), "--cache" if cache else "--no-cache"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"server exited: {err.strip()[-500:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def targets(base: str) -> dict[str, list[str]]:
    """URLs per kind, chosen from what the store holds (no hard-coded ids)."""
    with httpx.Client(base_url=base, timeout=30) as c:
        people = c.get("/api/entities", params={"type": "PERSON", "limit": 25}).json()["items"]
        pairs = c.get("/api/dyads", params={"limit": 10}).json()["items"]
    if not people or not pairs:
        raise SystemExit("the store has no people or no country pairs to ask for")
    return {
        "entity page": [f"/entity/{quote(p['id'], safe='')}" for p in people],
        "search api": [f"/api/search?q={quote(w)}&limit=20" for w in SEARCH_WORDS],
        "dyad api": [f"/api/dyads/{quote(d['a'], safe='')}/{quote(d['b'], safe='')}?limit=20"
                     for d in pairs],
        "dyad page": [f"/dyad?a={quote(d['a'])}&b={quote(d['b'])}" for d in pairs],
    }


def run(base: str, urls: dict[str, list[str]], clients: int, per_kind: int,
        max_seconds: float) -> tuple[Results, float]:
    cycles = {k: itertools.cycle(v) for k, v in urls.items()}
    # Kinds interleaved, so every kind meets the same load.
    plan = [(kind, next(cycles[kind])) for _ in range(per_kind) for kind in urls]
    plan.reverse()
    lock = threading.Lock()
    results = Results()
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.monotonic() < deadline:
                with lock:
                    if not plan:
                        return
                    kind, url = plan.pop()
                t0 = time.perf_counter()
                status = c.get(url).status_code
                results.add(Sample(kind, (time.perf_counter() - t0) * 1000, status))

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - t0


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else values[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, type=Path, help="store built by newsgraph ingest")
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients")
    ap.add_argument("--requests", type=int, default=300, help="requests per endpoint kind")
    ap.add_argument("--max-seconds", type=float, default=180.0, help="stop after this long")
    ap.add_argument("--server-workers", type=int, default=1,
                    help="`newsgraph serve --workers` (server processes)")
    ap.add_argument("--no-cache", action="store_true",
                    help="serve with --no-cache: every request reads the store")
    ap.add_argument("--target-ms", type=float, default=50.0, help="p95 target per kind")
    args = ap.parse_args()
    if not args.db.is_file():
        print(f"{args.db}: no such database file", file=sys.stderr)
        return 2
    port = free_port()
    proc = start_server(args.db, port, args.server_workers, not args.no_cache)
    base = f"http://127.0.0.1:{port}"
    try:
        urls = targets(base)
        # Warm-up: connections, the page cache and, with the response cache on, every URL in
        # every server process (a process is picked per connection, hence the repeats), so
        # the measured run sees the steady state rather than the first visits.
        warm = max(len(v) for v in urls.values()) * 2 * args.server_workers
        run(base, urls, args.clients, warm, 60)
        results, wall = run(base, urls, args.clients, args.requests, args.max_seconds)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"{args.db} ({args.db.stat().st_size / 1e6:.1f} MB), {args.server_workers} server "
          f"process(es), response cache {'off' if args.no_cache else 'on'}, "
          f"{args.clients} clients, "
          f"{len(results.samples)} requests in {wall:.1f} s "
          f"({len(results.samples) / wall:.0f} req/s), {os.cpu_count()} CPUs")
    print(f"{'endpoint':<14}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'non-200':>9}")
    ok = True
    for kind in urls:
        ms = [s.ms for s in results.samples if s.kind == kind]
        bad = sum(1 for s in results.samples if s.kind == kind and s.status != 200)
        if not ms:
            continue
        p95 = pct(ms, 95)
        ok &= p95 < args.target_ms and bad == 0
        print(f"{kind:<14}{len(ms):>6}{pct(ms, 50):>9.1f}{p95:>9.1f}{max(ms):>9.1f}{bad:>9}")
    print(f"p95 < {args.target_ms:g} ms for every endpoint: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
