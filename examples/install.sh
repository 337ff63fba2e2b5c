#!/usr/bin/env bash
# Installs, from this repository into the local Maven repository, what the examples depend on as a user's project
# would: LocalLambda (local-lambda/) and the component (the root project). Nothing needs to be installed beforehand.
# Their tests are neither compiled nor run here: the README's test command does that.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
echo "installing local-lambda and camel-lambda-invoke from $root"
mvn -B -q -f "$root/local-lambda/pom.xml" install -Dmaven.test.skip=true
mvn -B -q -f "$root/pom.xml" install -Dmaven.test.skip=true
