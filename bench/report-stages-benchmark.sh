#!/usr/bin/env bash
# report-stages-benchmark.sh MARKDOWN_FILE [RUNS]: the per-report stages of a build (parse, metrics, incidents,
# commitments, screening) on one file, RUNS times in one JVM with bin/weekly-archive's JIT and collector settings;
# prints each stage's CPU time and bytes allocated. For the 20 MB report of BENCHMARKS.md, any large report will do.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
(cd "$here" && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$cp")
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$here/target/test-classes:$here/target/classes:$(cat "$cp")" \
  io.github.weeklyarchive.bench.ReportStagesBenchmark "$file" "${2:-3}" 2>/dev/null
