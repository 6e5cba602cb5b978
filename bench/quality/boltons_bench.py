#!/usr/bin/env python3
"""Times a standard run of boltons from request to stored report against the same tools run by hand."""
import json, os, statistics, subprocess, sys, tempfile, time, urllib.error, urllib.request

WS = os.environ["BENCH_WS"]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


# the tools the standard profile runs on boltons: its tests (tox's command, with coverage) and the security scanner;
# boltons configures no linter, so standard skips flake8 and Pylint (the run's output below lists what ran)
def by_hand():
    out = tempfile.mkdtemp()
    commands = [
        ["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={out}/p.xml", "--cov=.", "--cov-branch",
         f"--cov-report=xml:{out}/c.xml", "--doctest-modules", "boltons", "tests"],
        ["bandit", "-q", "-f", "json", "-o", f"{out}/b.json", "-r", ".", "-x", "./.paradise"],
    ]
    started = time.monotonic()
    for command in commands:
        subprocess.run(command, cwd=WS, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def end_to_end():
    req = urllib.request.Request("http://127.0.0.1:18120/api/runs", method="POST", headers={"Content-Type": "application/json"},
                                 data=json.dumps({"clientId": "bench", "profile": "standard"}).encode())
    started = time.monotonic()
    run = json.loads(urllib.request.urlopen(req).read())
    while True:
        try:
            stored = json.loads(urllib.request.urlopen(f"http://127.0.0.1:18130/api/runs/{run['id']}").read())
            return time.monotonic() - started, stored
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise
        time.sleep(0.1)


def main():
    hand, e2e, stored = [], [], None
    for i in range(RUNS):
        hand.append(by_hand())
        t, stored = end_to_end()
        e2e.append(t)
        print(f"\r  round {i + 1}/{RUNS}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    h, e = statistics.median(hand), statistics.median(e2e)
    s = stored["summary"]
    ran = ", ".join(sorted(t["tool"] for t in stored["tools"] if t["status"] != "SKIPPED"))
    print(f"boltons, standard profile ({ran}): {s['testsTotal']} tests, {sum(s['findings'].values())} judged and {s['advisoryFindings']} advisory"
          f" findings, {s['state']}; median of {RUNS}")
    print(f"  tools by hand, one after another:       {h:6.2f} s")
    print(f"  request to stored report (end to end):  {e:6.2f} s  ({e / h:.2f}x by hand)")


if __name__ == "__main__":
    main()
