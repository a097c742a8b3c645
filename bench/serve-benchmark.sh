#!/usr/bin/env bash
# serve-benchmark.sh [N...]: with `serve` running on N generated weeks, the time from saving an edit to
# the page being told to reload (median of 5 edits). DESIGN.md's budget: under 200 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
(cd "$here" && ./mvnw -B -q package -DskipTests && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt")
for n in "${@:-1 100}"; do
  "$here/bench/generate-archive.sh" "$n" "$work/site-$n" >/dev/null
  printf "%5s weeks: " "$n"
  java -cp "$here/target/test-classes:$here/target/classes:$(cat "$work/cp.txt")" io.github.weeklyarchive.bench.ServeBenchmark \
    "$here/target/weekly-archive.jar" "$work/site-$n" 18877 5
done
rm -rf "$work"
