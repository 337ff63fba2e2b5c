#!/usr/bin/env bash
# The benchmark, one command, from a fresh clone:
#   bash benchmarks/run.sh            # the figures of the README's Performance section (about 10 minutes)
#   bash benchmarks/run.sh --quick    # a few seconds per run: proves it all works; the figures mean nothing
# Load-benchmark options (see BenchmarkRun) pass through, e.g. --workloads=W1 --http=NETTY --measure=30.
# Results: benchmarks/target/performance.md (load) and benchmarks/target/jmh.txt (JMH).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
load_args=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true; load_args+=("$arg") ;;
    *) load_args+=("$arg") ;;
  esac
done

# the component as this checkout builds it, into the local Maven repository, where the benchmark project finds it
mvn -B -q install -Dmaven.test.skip=true
mvn -B -q -f benchmarks/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

echo "== Load: (a) raw SDK, (b) lambda-invoke route, (c) aws2-lambda route; W1 and W2"
java -cp "$cp" dev.lambdainvoke.bench.load.BenchmarkRun --out=benchmarks/target/performance.md "${load_args[@]}"

echo "== Mapping and route overhead (JMH)"
if $quick; then
  jmh_args=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
else
  jmh_args=(-f 1 -wi 5 -w 2s -i 5 -r 3s)
fi
java -cp "$cp" org.openjdk.jmh.Main 'dev.lambdainvoke.bench.(mapping|route).*' "${jmh_args[@]}" -prof gc -o benchmarks/target/jmh.txt
grep -E "^Benchmark |Benchmark\.[A-Za-z]+(:gc.alloc.rate.norm)? " benchmarks/target/jmh.txt
