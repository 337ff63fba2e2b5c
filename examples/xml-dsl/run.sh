#!/usr/bin/env bash
# Runs this example once against an embedded LocalLambda, after installing the component and LocalLambda from this
# repository. Extra arguments go to Maven.
# `bash examples/xml-dsl/run.sh test` runs the example's tests instead (mvn test; extra arguments go to Maven).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$root/examples/install.sh"
if [ "${1:-}" = test ]; then
  shift
  mvn -B -f "$root/examples/xml-dsl/pom.xml" test "$@"
else
  mvn -B -q -f "$root/examples/xml-dsl/pom.xml" compile exec:java "$@"
fi
