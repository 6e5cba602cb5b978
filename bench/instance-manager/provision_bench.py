#!/usr/bin/env python3
"""Cold provision time and capacity of the instance-manager, against starting the same server by hand.

Run through bench/instance-manager/run.sh (one command). Prints p50/p95 over N runs per engine, the ratio of
the manager's time to the hand-started baseline, and how many instances the machine held with their memory.
"""
import json, os, statistics, subprocess, sys, tempfile, time, urllib.request, urllib.error, socket

BASE = os.environ["BENCH_MANAGER_URL"]
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
CAPACITY = int(os.environ.get("BENCH_CAPACITY", "50"))
NODE_MODULES = os.environ["PARADISE_NODE_MODULES"]
IMAGE = os.environ.get("PARADISE_EVERYTHING_IMAGE", "paradise-test/server-everything:latest")
WORKSPACE = os.environ["BENCH_WORKSPACE"]
INIT = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}).encode()


def http(method, path, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as resp:
        data = resp.read()
        return json.loads(data) if data else None


def mcp_ready(port):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/mcp", data=INIT, method="POST", headers={
        "Content-Type": "application/json", "Accept": "application/json, text/event-stream"})
    try:
        with urllib.request.urlopen(req, timeout=2) as resp:
            return resp.status == 200 and b'"result"' in resp.read()
    except (urllib.error.URLError, ConnectionError, socket.timeout, OSError):
        return False


def wait_ready(port, limit=60):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if mcp_ready(port):
            return
        time.sleep(0.02)
    raise RuntimeError(f"port {port} not ready in {limit}s")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def by_manager(profile, i):
    started = time.monotonic()
    view = http("POST", "/api/instances?waitSeconds=60", {"clientId": f"bench-{profile}-{i}", "workspace": WORKSPACE, "profile": profile})
    elapsed = time.monotonic() - started
    http("DELETE", f"/api/instances/{view['id']}")
    return elapsed


def by_hand_process(_):
    port = free_port()
    started = time.monotonic()
    proc = subprocess.Popen(["node", f"{NODE_MODULES}/@modelcontextprotocol/server-everything/dist/index.js", "streamableHttp"],
                            env={**os.environ, "PORT": str(port)}, cwd=WORKSPACE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_ready(port)
    elapsed = time.monotonic() - started
    proc.kill(); proc.wait()
    return elapsed


def by_hand_docker(_):
    port = free_port()
    started = time.monotonic()
    cid = subprocess.check_output(["docker", "run", "-d", "--rm", "-p", f"127.0.0.1:{port}:3001", "-e", "PORT=3001",
                                   "-v", f"{WORKSPACE}:/workspace", IMAGE, "streamableHttp"], text=True).strip()
    wait_ready(port)
    elapsed = time.monotonic() - started
    subprocess.run(["docker", "rm", "-f", cid], stdout=subprocess.DEVNULL, check=True)
    return elapsed


def measure(name, fn):
    fn(-1)  # warm-up, not counted
    times = []
    for i in range(RUNS):
        times.append(fn(i))
        print(f"\r  {name}: {i + 1}/{RUNS}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return times


def rss_mb_of_process_tree(pid):
    total = 0
    for p in [pid] + [int(c) for c in open(f"/proc/{pid}/task/{pid}/children").read().split()]:
        for line in open(f"/proc/{p}/status"):
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def container_mem_mb(names):
    out = subprocess.check_output(["docker", "stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}"] + names, text=True)
    values = []
    for line in out.strip().splitlines():
        usage = line.split()[1]
        number, unit = float(usage[:-3]), usage[-3:]
        values.append(number / 1024 if unit == "KiB" else number * 1024 if unit == "GiB" else number)
    return values


def capacity(profile):
    started = time.monotonic()
    views = []
    for i in range(CAPACITY):
        try:
            views.append(http("POST", "/api/instances?waitSeconds=120", {"clientId": f"cap-{profile}-{i}", "workspace": WORKSPACE, "profile": profile}))
        except urllib.error.HTTPError as e:
            print(f"\n  stopped at {i}: HTTP {e.code} {e.read().decode()[:200]}", file=sys.stderr)
            break
        print(f"\r  {profile}: {len(views)} instances healthy", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    elapsed = time.monotonic() - started
    listed = http("GET", "/api/instances")
    healthy = sum(1 for v in listed if v["state"] == "HEALTHY")
    if profile == "everything":
        mems = container_mem_mb([f"paradise-{v['clientId']}-{v['id'][:8]}" for v in views])
    else:
        mems = []
        for v in views:
            port = v["ports"]["mcp"]
            pid = int(subprocess.check_output(["sh", "-c", f"ss -ltnpH 'sport = :{port}' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2"], text=True).strip())
            mems.append(rss_mb_of_process_tree(pid))
    for v in views:
        http("DELETE", f"/api/instances/{v['id']}")
    return len(views), healthy, statistics.mean(mems) if mems else 0, elapsed


def main():
    results = {}
    for engine, profile, baseline in (("process", "everything-process", by_hand_process), ("docker", "everything", by_hand_docker)):
        print(f"{engine}: {RUNS} cold provisions through the manager, {RUNS} by hand", file=sys.stderr)
        managed = measure(f"{engine} via manager", lambda i: by_manager(profile, i))
        hand = measure(f"{engine} by hand", baseline)
        held, healthy, mem, elapsed = capacity(profile)
        results[engine] = (managed, hand, held, healthy, mem, elapsed)
    avail_mb = int(next(l for l in open("/proc/meminfo") if l.startswith("MemAvailable")).split()[1]) / 1024
    print()
    print(f"instance-manager provisioning benchmark ({RUNS} runs per engine, request → MCP initialize answers)")
    print(f"{'engine':8} {'manager p50':>12} {'p95':>8} {'by hand p50':>12} {'p95':>8} {'ratio p50':>10} {'ratio p95':>10}")
    for engine, (managed, hand, *_rest) in results.items():
        m50, m95, h50, h95 = pct(managed, 50), pct(managed, 95), pct(hand, 50), pct(hand, 95)
        print(f"{engine:8} {m50*1000:10.0f}ms {m95*1000:6.0f}ms {h50*1000:10.0f}ms {h95*1000:6.0f}ms {m50/h50:9.2f}x {m95/h95:9.2f}x")
    print()
    print(f"capacity (provisioned one after another up to {CAPACITY}; MemAvailable now {avail_mb:.0f} MB)")
    for engine, (_m, _h, held, healthy, mem, elapsed) in results.items():
        fit = int(avail_mb / mem) if mem else 0
        print(f"{engine:8} held {held} at once ({healthy} HEALTHY) in {elapsed:.0f}s; {mem:.0f} MB RSS each"
              f" → memory would allow ~{fit}; the port range (100 ports) caps it at 100")


if __name__ == "__main__":
    main()
