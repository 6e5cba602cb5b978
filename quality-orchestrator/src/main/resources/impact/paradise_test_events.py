"""pytest plugin of DevOps Paradise: appends one JSON line per test phase to $PARADISE_TEST_EVENTS the moment the
phase ends, so the orchestrator can report the first failure before the run ends. Runs in the controller only
(pytest-xdist workers' reports reach the controller)."""
import json
import os

_out = None


def pytest_configure(config):
    global _out
    path = os.environ.get("PARADISE_TEST_EVENTS")
    if path and not hasattr(config, "workerinput"):
        _out = open(path, "a", buffering=1, encoding="utf-8")


def pytest_sessionfinish(session, exitstatus):
    if _out is not None:
        stopped = bool(session.shouldstop or session.shouldfail)
        _out.write(json.dumps({"session": True, "stopped": stopped, "collected": session.testscollected}) + "\n")


def pytest_unconfigure(config):
    global _out
    if _out is not None:
        _out.close()
        _out = None


def _message(report):
    crash = getattr(getattr(report, "longrepr", None), "reprcrash", None)
    text = getattr(crash, "message", None) or str(getattr(report, "longrepr", "") or "")
    return text.strip().splitlines()[0][:300] if text.strip() else None


def pytest_runtest_logreport(report):
    if _out is None:
        return
    event = {"id": report.nodeid, "when": report.when, "outcome": report.outcome, "seconds": round(report.duration, 4)}
    if report.failed:
        event["message"] = _message(report)
    _out.write(json.dumps(event) + "\n")
