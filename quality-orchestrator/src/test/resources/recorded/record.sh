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
# machine-specific parts (temporary paths, timestamps) are normalized so the recordings stay stable
sed -i "s#$work/py#/workspace#g" "$here"/pytest-coverage.xml "$here"/pytest-junit.xml "$here"/bandit.json
echo "recorded into $here"
