#!/usr/bin/env bash
# Builds and installs the component, then runs the Quarkus example's tests (mvn test): @QuarkusTest starts the app in
# JVM mode against a LocalLambda on 127.0.0.1. Extra Maven arguments are passed on, e.g. -Dtest=PricingRouteTest.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -f "$root/examples/quarkus/pom.xml" test "$@"
