#!/usr/bin/env bash
# Builds the component, then runs this example once against an embedded LocalLambda.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -q -f "$root/examples/xml-dsl/pom.xml" compile exec:java "$@"
