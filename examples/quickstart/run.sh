#!/usr/bin/env bash
# Builds the component, then runs the quickstart. Pass Java system properties through, e.g.
#   bash examples/quickstart/run.sh -Dquickstart.region=eu-west-1 -Dquickstart.function=order-pricer
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$root/examples/quickstart/pom.xml" compile exec:java "$@"
