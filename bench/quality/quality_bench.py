#!/usr/bin/env python3
"""Times a standard quality run through the orchestrator (1 and 2 tools at a time) against the same tools by hand."""
import json, os, statistics, subprocess, sys, time, urllib.request

WS = os.environ["BENCH_WS"]
NM = os.environ["BENCH_NODE_MODULES"]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
REPORTS = os.path.join(WS, ".bench-by-hand")


def by_hand():
    os.makedirs(REPORTS, exist_ok=True)
    commands = [
        ["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={REPORTS}/p.xml", "--cov=.", "--cov-branch", f"--cov-report=xml:{REPORTS}/c.xml"],
        ["node", f"{NM}/jest/bin/jest.js", "--ci", "--rootDir", WS, "--coverage", "--coverageReporters=cobertura", f"--coverageDirectory={REPORTS}",
         "--reporters=default", f"--reporters={NM}/jest-junit"],
        ["node", f"{NM}/eslint/bin/eslint.js", "--format", f"{NM}/@microsoft/eslint-formatter-sarif/sarif.js", "--output-file", f"{REPORTS}/e.sarif", "."],
        ["pylint", "--output-format=json", f"--output={REPORTS}/pl.json", "calc.py", "test_calc.py"],
        ["bandit", "-q", "-f", "json", "-o", f"{REPORTS}/b.json", "-r", ".", "-x", "./.paradise,./.bench-by-hand"],
        ["shellcheck", "-f", "json1", "deploy.sh"],
    ]
    started = time.monotonic()
    for command in commands:
        subprocess.run(command, cwd=WS, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "JEST_JUNIT_OUTPUT_DIR": REPORTS})
    return time.monotonic() - started


def orchestrated(port):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/runs", method="POST", headers={"Content-Type": "application/json"},
                                 data=json.dumps({"clientId": "bench", "profile": "standard"}).encode())
    started = time.monotonic()
    run = json.loads(urllib.request.urlopen(req).read())
    while True:
        state = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/runs/{run['id']}").read())
        if state["state"] not in ("QUEUED", "RUNNING"):
            tools = sorted(t["tool"] for t in state["tools"])
            return time.monotonic() - started, tools
        time.sleep(0.05)


def main():
    orchestrated(18121)  # warm-up
    hand, one, two = [], [], []
    tools = []
    for i in range(RUNS):
        hand.append(by_hand())
        t, tools = orchestrated(18121)
        one.append(t)
        two.append(orchestrated(18122)[0])
        print(f"\r  round {i + 1}/{RUNS}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    h, o, t = statistics.median(hand), statistics.median(one), statistics.median(two)
    print(f"quality run of {len(tools)} tools ({', '.join(tools)}) on one workspace, median of {RUNS}")
    print(f"  by hand, one after another:        {h:6.2f} s")
    print(f"  orchestrator, 1 tool at a time:    {o:6.2f} s  ({o / h:.2f}x by hand)")
    print(f"  orchestrator, 2 tools at a time:   {t:6.2f} s  ({t / h:.2f}x by hand; parallel speedup {o / t:.2f}x)")


if __name__ == "__main__":
    main()
