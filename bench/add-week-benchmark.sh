#!/usr/bin/env bash
# add-week-benchmark.sh [N...]: the daily case on GitHub Pages (issue 11, target 2). N generated weeks are
# built once with --cache, which leaves the build cache beside the output (.out.cache); then a week is added after the
# newest and the site built again, with that cache, in a fresh JVM, as the README's command runs it. Hugo
# (its own full rebuild after the same week is added: it keeps nothing between runs) is run in the same
# loop. Each run starts from a fresh copy; runs alternate, RUNS times (default 5); figures are medians.
# "rewritten" counts the files of the new output that are not the previous build's file on disk (new inode).
# SITE=DIR add-week-benchmark.sh: the same on a real site folder (a copy is used): its newest report (last file
# name under content/) is taken out for the first build and put back for the second; no Hugo peer there.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/measure.sh"
needs_tools "$here"
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The week after the newest (generate-archive.sh ends at 2023-02-24): the sample's text, as every generated week.
add_week() {
  local site=$1 n=$2 body
  body=$(tail -n +2 "$here/content/2023/2023-02-24-week09.md")
  printf '# 第%02d周 2023-03-03\n%s\n' "$((n + 1))" "$body" >"$site/content/2023/2023-03-03.md"
  printf -- '---\ntitle: "第%02d周 2023-03-03"\ndate: 2023-03-03\n---\n%s\n' "$((n + 1))" "$body" >"$site/hugo/content/posts/2023-03-03.md"
}
printf "%-7s %12s %10s %10s %10s %10s %10s %12s\n" weeks "cold ms" "ours ms" "ours CPU" "hugo ms" "hugo CPU" "ours/hugo" "rewritten"
if [ -n "${SITE:-}" ]; then set -- "$(basename "$SITE")"; fi
for n in "${@:-1000}"; do
  if [ -n "${SITE:-}" ]; then
    cp -r "$SITE" "$work/generated"
    newest=$(cd "$work/generated" && find content -type f \( -name '*.md' -o -name '*.markdown' \) | sort | tail -1)
  else
    "$here/bench/generate-archive.sh" "$n" "$work/generated" >/dev/null
  fi
  : >"$work/cold"; : >"$work/ours"; : >"$work/hugo"; : >"$work/rewritten"
  for _ in $(seq "$runs"); do
    rm -rf "$work/site" "$work/out" "$work/.out.cache" "$work/hugo-out"
    cp -r "$work/generated" "$work/site"
    [ -z "${SITE:-}" ] || mv "$work/site/$newest" "$work/newest"
    measure "$here/bin/weekly-archive" build --source "$work/site" --output "$work/out" --cache "$work/.out.cache" >>"$work/cold"
    [ -n "${SITE:-}" ] || hugo --source "$work/site/hugo" --destination "$work/hugo-out" --quiet >/dev/null 2>&1
    (cd "$work/out" && find . -type f -printf '%i %P\n' | sort) >"$work/before"
    if [ -n "${SITE:-}" ]; then mv "$work/newest" "$work/site/$newest"; else add_week "$work/site" "$n"; fi
    measure "$here/bin/weekly-archive" build --source "$work/site" --output "$work/out" --cache "$work/.out.cache" >>"$work/ours"
    if [ -n "${SITE:-}" ]; then echo "1 1" >>"$work/hugo"; else
      measure hugo --source "$work/site/hugo" --destination "$work/hugo-out" --quiet >>"$work/hugo"; fi
    (cd "$work/out" && find . -type f -printf '%i %P\n' | sort) >"$work/after"
    # files of the new output that are not, inode for inode, a file of the previous output
    echo "$(comm -13 "$work/before" "$work/after" | wc -l) of $(wc -l <"$work/after")" >>"$work/rewritten"
  done
  cold=$(cut -d' ' -f1 "$work/cold" | median)
  ours=$(cut -d' ' -f1 "$work/ours" | median); ours_cpu=$(cut -d' ' -f2 "$work/ours" | median)
  hugo_ms=$(cut -d' ' -f1 "$work/hugo" | median); hugo_cpu=$(cut -d' ' -f2 "$work/hugo" | median)
  [ -z "${SITE:-}" ] || { hugo_ms=-; hugo_cpu=-; }
  printf "%-7s %12s %10s %10s %10s %10s %10s %12s\n" "$n" "$cold" "$ours" "$ours_cpu" "$hugo_ms" "$hugo_cpu" \
    "$(awk -v a="$ours" -v b="$hugo_ms" 'BEGIN { if (b + 0 > 0) printf "%.2fx", a / b; else printf "-" }')" \
    "$(sort -n "$work/rewritten" | sed -n "$(( (runs + 1) / 2 ))p")"
  rm -rf "$work/generated"
done
