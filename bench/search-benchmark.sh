#!/usr/bin/env bash
# search-benchmark.sh [N]: our search against Pagefind on the same built site of N generated weeks
# (default 1000), and on a real archive: the PLCT Lab's Chinese weekly reports (github.com/plctlab/PLCT-Weekly,
# CC BY-SA 4.0; not in this repository). Clone it and point PLCT_CORPUS at it; by default the benchmark
# looks for ../shared/corpora/plct-weekly beside the checkout, and skips the real archive if it is not there.
# Needs Debian's chromium + chromium-driver, and Node's npm (Pagefind comes from the npm registry).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
work=$(mktemp -d)
(cd "$here" && ./mvnw -B -q package -DskipTests && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt")
(cd "$work" && npm install --silent pagefind@1.6 >/dev/null)
queries=(入金有效成功率 数仓 控报 OOM Swagger 银商 迁移进度 生产稳定性 hive 不存在的词)
run() { # run SOURCE LABEL
  java -jar "$here/target/weekly-archive.jar" build --source "$1" --output "$work/site-$2" >/dev/null
  "$work/node_modules/.bin/pagefind" --site "$work/site-$2" --force-language zh >/dev/null
  echo "## $2"
  java -cp "$here/target/test-classes:$here/target/classes:$(cat "$work/cp.txt")" io.github.weeklyarchive.bench.SearchBenchmark \
    "$1" "$work/site-$2" "${queries[@]}" 2>/dev/null
}
"$here/bench/generate-archive.sh" "$n" "$work/generated" >/dev/null
run "$work/generated" "generated-$n"
corpus="${PLCT_CORPUS:-$here/../shared/corpora/plct-weekly}"
if [ -d "$corpus" ]; then
  mkdir -p "$work/plct/content"
  cp -r "$corpus"/20[0-9][0-9] "$work/plct/content/"
  # The archive has a few files that are not reports or repeat a date; leave them out, as an author would.
  { java -jar "$here/target/weekly-archive.jar" check --source "$work/plct" 2>&1 || true; } \
    | sed -n 's/^\(content\/[^:]*\):[0-9]*: error:.*/\1/p' | sort -u | while read -r f; do rm "$work/plct/$f"; done
  queries=(开源进展 RISC-V 编译器 openEuler V8 工具链 模拟器 不存在的词)
  run "$work/plct" "plct"
fi
rm -rf "$work"
