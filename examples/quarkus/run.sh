#!/usr/bin/env bash
# Installs the component and LocalLambda from this repository, then runs the Quarkus example's tests (mvn test):
# @QuarkusTest starts the app in JVM mode against a LocalLambda on 127.0.0.1. `run.sh test` does the same (the
# examples' common form). Extra Maven arguments are passed on, e.g. -Dtest=PricingRouteTest.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$root/examples/install.sh"
if [ "${1:-}" = test ]; then
  shift
fi
mvn -B -f "$root/examples/quarkus/pom.xml" test "$@"
