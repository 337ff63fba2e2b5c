#!/usr/bin/env bash
# Installs what the example uses from this repository (the component, LocalLambda, the Spring Boot starter), then runs
# the example's tests (the application started by @SpringBootTest against an embedded LocalLambda). Extra arguments go
# to Maven, e.g. -Dtest=ClientBeanIsUsedTest.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mvn -B -q -f "$root/pom.xml" install -DskipTests
if [[ -f "$root/local-lambda/pom.xml" ]]; then
  mvn -B -q -f "$root/local-lambda/pom.xml" install -DskipTests
fi
mvn -B -q -f "$root/starter/pom.xml" install -DskipTests
mvn -B -f "$root/examples/spring-boot/pom.xml" test "$@"
