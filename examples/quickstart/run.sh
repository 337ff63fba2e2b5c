#!/usr/bin/env bash
# Runs the quickstart on an embedded LocalLambda, after installing the component and LocalLambda from this repository.
# Pass Java system properties through, e.g.
#   bash examples/quickstart/run.sh -Dquickstart.region=eu-west-1 -Dquickstart.function=order-pricer
# `bash examples/quickstart/run.sh test` runs the example's tests instead (mvn test; extra arguments go to Maven).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$root/examples/install.sh"
if [ "${1:-}" = test ]; then
  shift
  mvn -B -f "$root/examples/quickstart/pom.xml" test "$@"
else
  mvn -B -q -f "$root/examples/quickstart/pom.xml" compile exec:java "$@"
fi
