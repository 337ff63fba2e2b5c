#!/usr/bin/env bash
# Installs the component, then runs this example's tests (the application started by @SpringBootTest against an
# embedded LocalLambda). Extra arguments go to Maven, e.g. -Dtest=ClientBeanIsUsedTest.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mvn -B -q -f "$root/pom.xml" install -DskipTests
mvn -B -f "$root/examples/spring-boot/pom.xml" test "$@"
