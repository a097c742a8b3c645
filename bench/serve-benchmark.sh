#!/usr/bin/env bash
# serve-benchmark.sh [N...]: with `serve` running on N generated weeks, the time from saving an edit to
# the page being told to reload, and to the edited week's page fetched whole (medians of 9 edits after 3 untimed; the machine's load
# is printed: other work on it shows in the times). DESIGN.md's budget: under 200 ms.
# SERVE_JAR=JAR times another build of the tool (the one before a change) with the same benchmark.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
(cd "$here" && ./mvnw -B -q package -DskipTests && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${@:-1 100}"; do
  "$here/bench/generate-archive.sh" "$n" "$work/site-$n" >/dev/null
  printf "%5s weeks: " "$n"
  java -cp "$here/target/test-classes:$here/target/classes:$(cat "$work/cp.txt")" io.github.weeklyarchive.bench.ServeBenchmark \
    "${SERVE_JAR:-$here/target/weekly-archive.jar}" "$work/site-$n" 18877 9
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
