#!/usr/bin/env bash
# build-benchmark.sh [N...]: cold full builds of N generated weeks, ours against Hugo, in one run.
# Each figure is the median of 3 runs of wall-clock time, in a fresh JVM for ours (as a user runs it).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/target/weekly-archive.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q package -DskipTests)
command -v hugo >/dev/null || { echo "needs Debian's hugo package: apt-get install hugo" >&2; exit 1; }
work=$(mktemp -d)
median() { sort -n | sed -n 2p; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# "tuned" is the same jar with JIT and GC flags that suit a short batch run (C1 only, serial GC).
tuned="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
printf "%-7s %12s %12s %12s %10s %10s\n" weeks "ours (ms)" "tuned (ms)" "hugo (ms)" "ours/hugo" "tuned/hugo"
for n in "${@:-100 1000}"; do
  "$here/bench/generate-archive.sh" "$n" "$work/site"
  ours=$(for i in 1 2 3; do rm -rf "$work/out"; time_ms java -jar "$jar" build --source "$work/site" --output "$work/out"; done | median)
  pages=$(find "$work/out" -name '*.html' | wc -l)
  fast=$(for i in 1 2 3; do rm -rf "$work/out"; time_ms java $tuned -jar "$jar" build --source "$work/site" --output "$work/out"; done | median)
  hugo_ms=$(for i in 1 2 3; do rm -rf "$work/hugo-out"; time_ms hugo --source "$work/site/hugo" --destination "$work/hugo-out" --quiet; done | median)
  printf "%-7s %12s %12s %12s %10s %10s   (%s pages of ours)\n" "$n" "$ours" "$fast" "$hugo_ms" \
    "$(python3 -c "print(f'{$ours/$hugo_ms:.2f}x')")" "$(python3 -c "print(f'{$fast/$hugo_ms:.2f}x')")" "$pages"
done
rm -rf "$work"
