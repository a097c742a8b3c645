#!/usr/bin/env bash
# search-index-benchmark.sh SOURCE_DIR [RUNS]: the search stage alone (SearchIndexWriter.write), the archive
# loaded once, RUNS times in one JVM with bin/weekly-archive's JIT and collector settings; prints each run's
# CPU time and bytes allocated. For a 1,000-week archive: bench/generate-archive.sh 1000 DIR first.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source=$(cd "$1" && pwd)
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
(cd "$here" && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$cp")
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -cp "$here/target/test-classes:$here/target/classes:$(cat "$cp")" \
  io.github.weeklyarchive.bench.SearchIndexBenchmark "$source" "${2:-5}" 2>/dev/null
