#!/usr/bin/env bash
# search-benchmark.sh [N]: our search against Pagefind on the same built site, in one run, on
#  1. N generated weeks (default 1000);
#  2. a real Chinese archive of monthly reports: the PLCT Lab's weekly reports (github.com/plctlab/PLCT-Weekly,
#     CC BY-SA 4.0; not in this repository), from $PLCT_CORPUS (default ../shared/corpora/plct-weekly);
#  3. real English archives: This Week in Rust and PingCAP's TiDB weekly, from $ARCHIVES (default
#     ../archives beside the checkout: each NAME/content/ as its repository published it).
# An archive that is not there is skipped. Each is built from a temporary copy, never in place.
# Needs Debian's chromium + chromium-driver, and Node's npm (Pagefind comes from the npm registry).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here" && ./mvnw -B -q package -DskipTests && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt")
(cd "$work" && npm install --silent pagefind@1.6 >/dev/null)
run() { # run SOURCE LABEL LANGUAGE QUERY...
  local source=$1 label=$2 lang=$3; shift 3
  java -jar "$here/target/weekly-archive.jar" build --source "$source" --output "$work/site-$label" >/dev/null 2>&1
  "$work/node_modules/.bin/pagefind" --site "$work/site-$label" --force-language "$lang" >/dev/null
  echo "## $label"
  java -cp "$here/target/test-classes:$here/target/classes:$(cat "$work/cp.txt")" io.github.weeklyarchive.bench.SearchBenchmark \
    "$source" "$work/site-$label" "$@" 2>/dev/null
}
"$here/bench/generate-archive.sh" "$n" "$work/generated" >/dev/null
run "$work/generated" "generated-$n" zh 入金有效成功率 数仓 控报 OOM Swagger sw 银商 迁移进度 生产稳定性 hive 书 '"hive 数仓"' 不存在的词

corpus="${PLCT_CORPUS:-$here/../shared/corpora/plct-weekly}"
if [ -d "$corpus" ]; then
  mkdir -p "$work/plct/content"
  cp -r "$corpus"/20[0-9][0-9] "$work/plct/content/"
  # Its reports publish contributors' e-mail addresses on purpose: accept them, as its author would.
  echo "check.allow=email" > "$work/plct/jbake.properties"
  # The archive has a few files that are not reports, repeat a date or carry a phone number or a
  # password; leave them out, as an author would.
  { java -jar "$here/target/weekly-archive.jar" check --source "$work/plct" 2>&1 || true; } \
    | sed -n 's/^\(content\/[^:]*\):[0-9]*\(:[0-9]*\)\{0,1\}: error:.*/\1/p' | sort -u | while read -r f; do rm "$work/plct/$f"; done
  run "$work/plct" plct zh 开源进展 RISC-V 编译器 openEuler V8 工具链 模拟器 书 risc '"RISC-V 工具链"' 不存在的词
fi

archives="${ARCHIVES:-$here/../archives}"
if [ -d "$archives/this-week-in-rust/content" ]; then
  cp -r "$archives/this-week-in-rust" "$work/twir"
  # Two posts share 2013-10-06; the archive's README leaves the "state of rust 0.8" post out, and so do we.
  rm "$work/twir/content/content/2013-10-06-the-state-of-rust-0-dot-8.markdown"
  echo "check.allow=email" >> "$work/twir/jbake.properties" # addresses to write to, published on purpose
  run "$work/twir" twir en tokio raft transaction 'const generics' '"const generics"' async rust-analyzer wasm 'tokio runtime' \
    '"error handling"' zzzyx
fi
if [ -d "$archives/pingcap-weekly/content" ]; then
  cp -r "$archives/pingcap-weekly" "$work/pingcap"
  echo "check.allow=email" >> "$work/pingcap/jbake.properties"
  run "$work/pingcap" pingcap en raft transaction tikv 'region split' '"region split"' coprocessor pd zzzyx
fi
