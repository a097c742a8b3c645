#!/usr/bin/env bash
# build-benchmark.sh [N...]: cold full builds of N generated weeks, ours against Hugo, in one run.
# Ours runs as the README tells users to: bin/weekly-archive build (a fresh JVM each time, with the class
# data archive `package` makes and the batch JIT/GC settings). Runs alternate, ours then Hugo, RUNS times
# (default 5); each figure is the median. Wall time is what users wait for; CPU time (user + system) is
# the steadier figure on a shared machine, where other work stretches wall times.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/measure.sh"
needs_tools "$here"
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf "%-7s %10s %10s %10s %10s %10s\n" weeks "ours ms" "ours CPU" "hugo ms" "hugo CPU" "ours/hugo"
for n in "${@:-100 1000}"; do
  "$here/bench/generate-archive.sh" "$n" "$work/site"
  : >"$work/ours"; : >"$work/hugo"
  for _ in $(seq "$runs"); do
    rm -rf "$work/out" "$work/hugo-out"
    measure "$here/bin/weekly-archive" build --source "$work/site" --output "$work/out" >>"$work/ours"
    measure hugo --source "$work/site/hugo" --destination "$work/hugo-out" --quiet >>"$work/hugo"
  done
  ours=$(cut -d' ' -f1 "$work/ours" | median); ours_cpu=$(cut -d' ' -f2 "$work/ours" | median)
  hugo_ms=$(cut -d' ' -f1 "$work/hugo" | median); hugo_cpu=$(cut -d' ' -f2 "$work/hugo" | median)
  pages=$(find "$work/out" -name '*.html' | wc -l)
  printf "%-7s %10s %10s %10s %10s %10s   (%s pages of ours)\n" "$n" "$ours" "$ours_cpu" "$hugo_ms" "$hugo_cpu" \
    "$(awk -v a="$ours" -v b="$hugo_ms" 'BEGIN { printf "%.2fx", a / b }')" "$pages"
done
