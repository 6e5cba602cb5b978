#!/usr/bin/env bash
# Re-records the tool outputs the parser tests read, by running the real tools (Debian packages) on the fixtures.
#   quality-orchestrator/src/test/resources/recorded/record.sh
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixtures="$here/../fixtures"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r "$fixtures/python-project" "$work/py"
(cd "$work/py" && /usr/bin/python3 -m pytest -q -p no:cacheprovider --junitxml="$here/pytest-junit.xml" \
   --cov=. --cov-branch --cov-report="xml:$here/pytest-coverage.xml" >/dev/null)
(cd "$work/py" && bandit -q -f json -o "$here/bandit.json" -r . ; true)
rm -f "$here/flake8.txt"  # flake8 appends to an existing output file
(cd "$work/py" && flake8 --format='%(path)s::%(row)d::%(col)d::%(code)s::%(text)s' --output-file="$here/flake8.txt" --exit-zero .)
(cd "$work/py" && pylint --output-format=json calc.py test_calc.py > "$here/pylint.json"; true)
(cd "$fixtures/shell-project" && shellcheck -f json1 deploy.sh > "$here/shellcheck.json"; true)
cp -r "$fixtures/js-project" "$work/js"
node_modules="$(cd "$here/../../../../../tools/node/node_modules" && pwd)"
(cd "$work/js" && JEST_JUNIT_OUTPUT_DIR="$here" JEST_JUNIT_OUTPUT_NAME=jest-junit.xml node "$node_modules/jest/bin/jest.js" --ci \
   --rootDir . --coverage --coverageReporters=cobertura --coverageDirectory="$work/js-coverage" \
   --reporters=default --reporters="$node_modules/jest-junit" >/dev/null 2>&1; cp "$work/js-coverage/cobertura-coverage.xml" "$here/jest-coverage.xml")
sed -i "s#$work/js#/workspace#g; s#$node_modules#/node_modules#g" "$here"/jest-coverage.xml "$here"/jest-junit.xml
(cd "$work/js" && node "$node_modules/eslint/bin/eslint.js" --format "$node_modules/@microsoft/eslint-formatter-sarif/sarif.js" \
   --output-file "$here/eslint.sarif" . ; true)
sed -i "s#$work/js#/workspace#g; s#$node_modules#/node_modules#g" "$here"/eslint.sarif
# Maven Surefire + JaCoCo (the same goals MavenRunner gives)
cp -r "$fixtures/java-project" "$work/java"
(cd "$work/java" && mvn -B -q --no-transfer-progress -Dmaven.test.failure.ignore=true org.jacoco:jacoco-maven-plugin:0.8.15:prepare-agent \
   test org.jacoco:jacoco-maven-plugin:0.8.15:report >/dev/null 2>&1
 cp target/surefire-reports/TEST-shop.DiscountTest.xml "$here/surefire-junit.xml"; cp target/site/jacoco/jacoco.xml "$here/jacoco.xml")
sed -i "s#$work/java#/workspace#g; s#$HOME#/home/user#g" "$here"/surefire-junit.xml
# Surefire's own reruns: a test that fails its first run only, rerun by -Dsurefire.rerunFailingTestsCount=2 (a flakyFailure)
mkdir -p "$work/flaky/src/test/java/shop" && cp "$fixtures/java-impact-project/pom.xml" "$work/flaky/"
cat > "$work/flaky/src/test/java/shop/NetworkTest.java" <<'JAVA'
package shop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {
    private static int runs;

    @Test
    void sometimes() {
        runs++;
        assertTrue(runs > 1, "the first run fails");
    }

    @Test
    void always() {
        assertTrue(true);
    }
}
JAVA
(cd "$work/flaky" && mvn -B -q --no-transfer-progress -Dsurefire.rerunFailingTestsCount=2 test >/dev/null 2>&1
 cp target/surefire-reports/TEST-shop.NetworkTest.xml "$here/surefire-flaky.xml")
sed -i "s#$work/flaky#/workspace#g; s#$HOME#/home/user#g" "$here"/surefire-flaky.xml
# npm audit against the stand-in advisory endpoint (the registry's own refuses here)
node "$node_modules/../audit-endpoint.mjs" "$fixtures/audit-project-advisories.json" 48730 > "$work/audit.log" & audit_pid=$!
sleep 1
(cd "$fixtures/audit-project" && npm audit --json --registry http://127.0.0.1:48730/ > "$here/npm-audit.json"; true)
(cd "$fixtures/audit-project" && npm audit --json --registry http://127.0.0.1:9/ > "$here/npm-audit-refused.json"; true)
kill "$audit_pid"
# Newman, Playwright and Lighthouse against the web fixture's site, served locally
python3 -m http.server 48731 --bind 127.0.0.1 --directory "$fixtures/web-project/site" >/dev/null 2>&1 & site_pid=$!
sleep 1
cp -r "$fixtures/web-project" "$work/web"
(cd "$work/web" && node "$node_modules/newman/bin/newman.js" run shop-api.postman_collection.json --env-var baseUrl=http://127.0.0.1:48731 \
   --reporters junit --reporter-junit-export "$here/newman-junit.xml" >/dev/null; true)
(cd "$work/web" && NODE_PATH="$node_modules" CHROME_PATH=/usr/bin/chromium PARADISE_BASE_URL=http://127.0.0.1:48731 CI=1 \
   PLAYWRIGHT_JUNIT_OUTPUT_NAME="$here/playwright-junit.xml" node "$node_modules/@playwright/test/cli.js" test --reporter=junit \
   --output "$work/pw" >/dev/null; true)
lighthouse() {  # URL RECORDING
  CHROME_PATH=/usr/bin/chromium node "$node_modules/lighthouse/cli/index.js" "$1" --output=json --output-path="$work/lighthouse.json" \
    "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking" --quiet \
    --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1
  # screenshots and the i18n tables are most of the file and nothing the parser reads
  python3 - "$work/lighthouse.json" "$here/$2" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for audit in ("screenshot-thumbnails", "final-screenshot", "full-page-screenshot"):
    report["audits"].pop(audit, None)
report.pop("fullPageScreenshot", None)
report.pop("i18n", None)
if report.get("runtimeError"):
    report["runtimeError"]["errorStack"] = ""
json.dump(report, open(sys.argv[2], "w"), indent=1)
PY
}
lighthouse http://127.0.0.1:48731/ lighthouse.json
lighthouse http://127.0.0.1:9/ lighthouse-unreachable.json
kill "$site_pid"
sed -i "s#$work/web#/workspace#g; s#$node_modules#/node_modules#g" "$here"/playwright-junit.xml "$here"/newman-junit.xml
# machine-specific parts (temporary paths, timestamps) are normalized so the recordings stay stable
sed -i "s#$work/py#/workspace#g" "$here"/pytest-coverage.xml "$here"/pytest-junit.xml "$here"/bandit.json
echo "recorded into $here"
