import hashlib, json, os, sys
try:
    import importlib.metadata as metadata
    packages = sorted("%s==%s" % (d.metadata["Name"], d.version) for d in metadata.distributions())
except Exception:
    packages = []
def cpus():
    try:
        quota, period = open("/sys/fs/cgroup/cpu.max").read().split()
        if quota != "max":
            return max(1, int(int(quota) / int(period)))
    except Exception:
        pass
    try:
        return len(os.sched_getaffinity(0))
    except Exception:
        return os.cpu_count() or 1
def version(name):
    try:
        return metadata.version(name)
    except Exception:
        return None
print(json.dumps({"python": sys.version.split()[0], "pytest": version("pytest"), "pytest-cov": version("pytest-cov"),
                  "coverage": version("coverage"), "pytest-xdist": version("pytest-xdist"),
                  "packages": hashlib.sha256("\n".join(packages).encode()).hexdigest()[:16], "cpus": cpus()}))
