#!/usr/bin/env python3
"""Gateway overhead: tools/call latency and throughput through the gateway, nginx and supergateway, each against
calling the backend directly, for server-everything and for a minimal fast echo backend. Run via run.sh."""
import http.client, json, os, re, subprocess, sys, time, urllib.parse, urllib.request

ROOT = os.environ["BENCH_ROOT"]
WORK = os.environ["BENCH_WORK"]
GATEWAY = os.environ["BENCH_GATEWAY"]
ADMIN = os.environ["BENCH_ADMIN"]
SESSIONS = int(os.environ.get("BENCH_SESSIONS", "32"))
CALLS = int(os.environ.get("BENCH_CALLS", "200"))
SEQ_CALLS = int(os.environ.get("BENCH_SEQ_CALLS", "1000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
IDLE_SESSIONS = int(os.environ.get("BENCH_IDLE_SESSIONS", "10000"))
GATEWAY_PID = os.environ.get("BENCH_GATEWAY_PID")
THREADS = os.environ.get("BENCH_THREADS") == "1"
WARMUP_CALLS = int(os.environ.get("BENCH_WARMUP_CALLS", "1000"))
PIN = os.environ.get("BENCH_PIN") == "1"
NODE = f"{ROOT}/tools/node"
LOAD = f"{ROOT}/bench/gateway/McpLoad.java"


def api(method, path, body=None, token=ADMIN):
    req = urllib.request.Request(GATEWAY + path, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=180) as resp:
        return json.loads(resp.read() or b"null")


def on_cpu(cpu):
    """With BENCH_PIN=1: the load generator and the backend on CPU 0, each proxy on CPU 1."""
    return ["taskset", "-c", str(cpu)] if PIN else []


def load(url, token, sessions, calls, warmup=100):
    out = subprocess.check_output(on_cpu(0) + ["java", LOAD, url, token or "-", str(sessions), str(calls), str(warmup)], text=True)
    return json.loads(out.strip().splitlines()[-1])


def wait_http(port, path="/mcp"):
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on {port}")


def nginx(port, backend_port):
    prefix = f"{WORK}/nginx-{port}"
    os.makedirs(f"{prefix}/logs", exist_ok=True)
    conf = f"""worker_processes 1; pid {prefix}/nginx.pid; error_log {prefix}/logs/error.log error;
events {{ worker_connections 4096; }}
http {{ access_log off;
  upstream backend {{ server 127.0.0.1:{backend_port}; keepalive 128; }}
  server {{ listen 127.0.0.1:{port};
    location / {{ proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host 127.0.0.1:{backend_port}; proxy_buffering off; proxy_read_timeout 300s; }} }} }}"""
    with open(f"{prefix}/nginx.conf", "w") as f:
        f.write(conf)
    proc = subprocess.Popen(on_cpu(1) + ["nginx", "-p", prefix, "-c", f"{prefix}/nginx.conf", "-g", "daemon off;"])
    wait_http(port)
    return proc


def java_relay(program, port, backend_port):
    """A floor for a relay in Java: NettyRelay.java (Reactor Netty) or NettyRawRelay.java (Netty alone)."""
    proc = subprocess.Popen(on_cpu(1) + ["java", "-cp", os.environ["BENCH_GATEWAY_CLASSPATH"], f"{ROOT}/bench/gateway/{program}",
                             str(port), f"http://127.0.0.1:{backend_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_http(port)
    return proc


def supergateway(port, stdio_command):
    proc = subprocess.Popen(on_cpu(1) + [f"{NODE}/node_modules/.bin/supergateway", "--stdio", stdio_command, "--outputTransport", "streamableHttp",
                             "--stateful", "--port", str(port), "--logLevel", "none"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_http(port)
    return proc


def cpu_seconds(pids):
    """User and system CPU time of the processes (all their threads) and their children, as /proc reports it."""
    total = 0
    for pid in pids:
        for p in [pid] + subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split():
            try:
                with open(f"/proc/{p}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
            except FileNotFoundError:
                pass
    return total / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """Per thread of a process: name -> user and system clock ticks (threads of one name summed)."""
    ticks = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as stat:
                raw = stat.read()
        except FileNotFoundError:
            continue
        name = re.sub(r"[-#]?\d+$", "", raw[raw.index("(") + 1:raw.rindex(")")])
        fields = raw.rsplit(")", 1)[1].split()
        ticks[name] = ticks.get(name, 0) + int(fields[11]) + int(fields[12])
    return ticks


def measure(name, url, token, proxy_pids=()):
    print(f"  {name}: 1 session x {SEQ_CALLS} calls, then {SESSIONS} sessions x {CALLS} calls (after warm-up)", file=sys.stderr, flush=True)
    seq = load(url, token, 1, SEQ_CALLS, warmup=1000)
    cpu_before = cpu_seconds(proxy_pids)
    threads_before = thread_cpu(proxy_pids[0]) if THREADS and proxy_pids else None
    par = load(url, token, SESSIONS, CALLS, warmup=50)
    if threads_before is not None:
        after = thread_cpu(proxy_pids[0])
        spent = sorted(((after[t] - threads_before.get(t, 0), t) for t in after), reverse=True)[:10]
        print(f"    {name}'s threads, CPU ticks in the 32-session run: {spent}", file=sys.stderr, flush=True)
    # the warm-up calls go through the proxy too
    cpu_per_call = (cpu_seconds(proxy_pids) - cpu_before) * 1e6 / (SESSIONS * (CALLS + 50)) if proxy_pids else 0
    return {"p50": seq["p50us"], "p99": seq["p99us"], "tput": par["throughput"], "p50c": par["p50us"], "cpu": cpu_per_call,
            "errors": seq["errors"] + par["errors"], "firstErrors": seq["firstErrors"] + par["firstErrors"]}


def best(rounds):
    """Per path, the round with the best median latency and the best throughput: noise on 2 shared cores only ever slows."""
    merged = {}
    for name in rounds[0]:
        runs = [r[name] for r in rounds]
        fastest = min(runs, key=lambda r: r["p50"])
        merged[name] = {**fastest, "tput": max(r["tput"] for r in runs), "cpu": min(r["cpu"] for r in runs),
                        "errors": sum(r["errors"] for r in runs),
                        "firstErrors": sum((r["firstErrors"] for r in runs), [])}
    return merged


def backend_suite(label, profile, stdio_command, ports):
    client = f"bench-{profile}"
    registered = api("POST", "/api/clients", {"name": client, "workspace": f"{WORK}/ws", "backendProfile": profile})
    token = registered["token"]
    load(f"{GATEWAY}/mcp", token, 1, 1)  # first request provisions the instance
    mcp_url = api("GET", f"/api/clients/{client}")["instance"]["mcpUrl"]
    backend_port = int(mcp_url.split(":")[2].split("/")[0])
    procs = [nginx(ports[0], backend_port), supergateway(ports[1], stdio_command), java_relay("NettyRelay.java", ports[2], backend_port),
             java_relay("NettyRawRelay.java", ports[3], backend_port)]
    try:
        targets = {"direct": (mcp_url, None), "gateway": (f"{GATEWAY}/mcp", token, [int(GATEWAY_PID)]),
                   "nginx": (f"http://127.0.0.1:{ports[0]}/mcp", None, [procs[0].pid]),
                   "reactor relay": (f"http://127.0.0.1:{ports[2]}/mcp", None, [procs[2].pid]),
                   "netty relay": (f"http://127.0.0.1:{ports[3]}/mcp", None, [procs[3].pid]),
                   # supergateway's children are the backend servers it starts: its CPU cannot be told from theirs
                   "supergateway": (f"http://127.0.0.1:{ports[1]}/mcp", None)}
        # a gateway runs for days: its JIT compiler must be done before it is measured, as it is in service
        print(f"{label}: warming the gateway and the Java relays up with {SESSIONS} sessions x {WARMUP_CALLS} calls", file=sys.stderr, flush=True)
        load(f"{GATEWAY}/mcp", token, SESSIONS, WARMUP_CALLS, warmup=0)
        for relay in (ports[2], ports[3]):
            load(f"http://127.0.0.1:{relay}/mcp", None, SESSIONS, WARMUP_CALLS, warmup=0)
        rounds = []
        for round_no in range(ROUNDS):
            print(f"{label} (backend {mcp_url}), round {round_no + 1} of {ROUNDS}", file=sys.stderr)
            order = list(targets) if round_no % 2 == 0 else list(reversed(targets))
            results = {name: measure(name, *targets[name]) for name in order}
            rounds.append({name: results[name] for name in targets})
        rows = best(rounds)
    finally:
        for p in procs:
            p.terminate()
            p.wait()
    return rows


def live_heap_kib(pid):
    """The gateway's live heap: used after two full collections (jcmd GC.run), read from GC.heap_info."""
    for _ in range(2):
        subprocess.run(["jcmd", pid, "GC.run"], check=True, stdout=subprocess.DEVNULL)
    info = subprocess.check_output(["jcmd", pid, "GC.heap_info"], text=True)
    return int(re.search(r"used (\d+)K", info).group(1))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS:")).split()[1])


def idle_sessions_suite():
    """Memory per idle session: IDLE_SESSIONS sessions initialized through the gateway and then left alone."""
    client = "bench-idle"
    token = api("POST", "/api/clients", {"name": client, "workspace": f"{WORK}/ws", "backendProfile": "fast-echo"})["token"]
    load(f"{GATEWAY}/mcp", token, 1, 1)  # provisions the instance and warms the path
    gateway = urllib.parse.urlsplit(GATEWAY)
    connection = http.client.HTTPConnection(gateway.hostname, gateway.port, timeout=60)
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
               "Authorization": f"Bearer {token}"}
    init = json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "idle", "version": "1"}}})
    initialized = json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def post(body, session=None):
        connection.request("POST", "/mcp", body, {**headers, **({"Mcp-Session-Id": session} if session else {})})
        response = connection.getresponse()
        payload = response.read()
        if response.status >= 300:
            raise RuntimeError(f"{response.status}: {payload[:300]!r}")
        return response.getheader("Mcp-Session-Id"), response.getheader("MCP-Protocol-Version")

    heap_before, rss_before = live_heap_kib(GATEWAY_PID), rss_kib(GATEWAY_PID)
    print(f"idle sessions: opening {IDLE_SESSIONS} (live heap before {heap_before} KiB)", file=sys.stderr, flush=True)
    sessions, started = [], time.monotonic()
    for n in range(IDLE_SESSIONS):
        session, _ = post(init)
        post(initialized, session)
        sessions.append(session)
        if (n + 1) % 2000 == 0:
            print(f"  {n + 1} open", file=sys.stderr, flush=True)
    opened = time.monotonic() - started
    heap_after, rss_after = live_heap_kib(GATEWAY_PID), rss_kib(GATEWAY_PID)
    # the first and the last session still answer: they are live sessions, not forgotten ones
    for session in (sessions[0], sessions[-1]):
        post(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                         "params": {"name": "echo", "arguments": {"message": "still here"}}}), session)
    connection.close()
    return {"sessions": IDLE_SESSIONS, "opened_s": opened, "heap_before": heap_before, "heap_after": heap_after,
            "rss_before": rss_before, "rss_after": rss_after}


def report_idle(r):
    per_session = (r["heap_after"] - r["heap_before"]) * 1024 / r["sessions"]
    rss_per_session = (r["rss_after"] - r["rss_before"]) * 1024 / r["sessions"]
    print(f"\nidle sessions: {r['sessions']} opened in {r['opened_s']:.0f} s; gateway live heap {r['heap_before']} KiB -> "
          f"{r['heap_after']} KiB = {per_session:.0f} bytes per session (goal <= 10 KB); "
          f"resident set {r['rss_before']} KiB -> {r['rss_after']} KiB = {rss_per_session:.0f} bytes per session")


def report(label, rows):
    d = rows["direct"]
    print(f"\n{label}: tools/call echo; latency from 1 session ({SEQ_CALLS} calls), throughput from {SESSIONS} sessions x {CALLS} calls;"
          f" best of {ROUNDS} rounds in alternating order, each after warm-up"
          + ("; pinned: load generator and backend on CPU 0, the proxy on CPU 1 (supergateway's backends with it)" if PIN else ""))
    print(f"{'path':13} {'p50 µs':>8} {'p99 µs':>8} {'added p50':>10} {'added p99':>10} {'calls/s':>9} {'vs direct':>10} {'CPU µs/call':>12} {'errors':>7}")
    for name, r in rows.items():
        cpu = f"{r['cpu']:12.0f}" if r["cpu"] else f"{'':12}"
        print(f"{name:13} {r['p50']:8.0f} {r['p99']:8.0f} {r['p50'] - d['p50']:10.0f} {r['p99'] - d['p99']:10.0f} {r['tput']:9.0f} {r['tput'] / d['tput']:9.2f}x {cpu} {r['errors']:7d}")
    print("  CPU µs/call: the proxy's own processor time per call (user and system, all threads) in the 32-session run")
    g, n = rows["gateway"], rows["nginx"]
    added_g, added_n = g["p50"] - d["p50"], n["p50"] - d["p50"]
    print(f"goals: gateway added p50 {added_g:.0f} µs (goal <= 300; nginx {added_n:.0f}), added p99 "
          f"{g['p99'] - d['p99']:.0f} µs (goal <= 2000; nginx {n['p99'] - d['p99']:.0f}), throughput {g['tput'] / d['tput']:.2f}x "
          f"direct (goal >= 0.85; nginx {n['tput'] / d['tput']:.2f}x)")
    for name, r in rows.items():
        if r["firstErrors"]:
            print(f"  {name} errors: {r['firstErrors']}")


def main():
    suites = os.environ.get("BENCH_SUITES", "everything,fast-echo,idle-sessions").split(",")
    results = []
    if "everything" in suites:
        results.append(("server-everything (docker)", backend_suite("server-everything (docker)", "everything",
                        f"node {NODE}/node_modules/@modelcontextprotocol/server-everything/dist/index.js stdio", (18181, 18182, 18185, 18187))))
    if "fast-echo" in suites:
        results.append(("fast echo backend (process)", backend_suite("fast echo backend (process)", "fast-echo",
                        f"node {NODE}/fast-echo-server.mjs stdio", (18183, 18184, 18186, 18188))))
    idle = idle_sessions_suite() if "idle-sessions" in suites else None
    for label, rows in results:
        report(label, rows)
    if idle:
        report_idle(idle)


if __name__ == "__main__":
    main()
