#!/usr/bin/env bash
# Installs what the example uses from this repository (LocalLambda, the component, the Spring Boot starter), then runs
# the example's tests (the application started by @SpringBootTest against an embedded LocalLambda). `run.sh test` does
# the same (the examples' common form). Extra arguments go to Maven, e.g. -Dtest=ClientBeanIsUsedTest.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$root/examples/install.sh"
mvn -B -q -f "$root/starter/pom.xml" install -Dmaven.test.skip=true
if [ "${1:-}" = test ]; then
  shift
fi
mvn -B -f "$root/examples/spring-boot/pom.xml" test "$@"
