#!/usr/bin/env bash
# archive-benchmark.sh SITE [RUNS]: cold full builds of a real archive, ours against Hugo, in one run.
# SITE is a site folder as users have it (content/ and maybe jbake.properties): for example a copy of
# rust-lang/this-week-in-rust's content/ (see BENCHMARKS.md). Hugo gets the same Markdown files, each with
# YAML front matter carrying the title and date (YAML front matter is kept; Pelican `Title:`/`Date:` headers
# are turned into it; otherwise the date comes from the file name) and the minimal layout of
# generate-archive.sh: a page per week with contents and prev/next, list pages, feed, sitemap.
# Cold builds (no --cache). Runs alternate, ours then Hugo, RUNS
# times (default 5); each figure is the median.
set -euo pipefail
site=$(cd "$1" && pwd); runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/measure.sh"
needs_tools "$here"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The Hugo site: the layout of generate-archive.sh (made for one generated week and then emptied), then the archive.
"$here/bench/generate-archive.sh" 1 "$work/gen" >/dev/null
mv "$work/gen/hugo" "$work/hugo"; rm -rf "$work/hugo/content/posts"/*
python3 - "$site/content" "$work/hugo/content/posts" <<'PY'
import sys, re, pathlib
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
made = 0
for f in sorted(list(src.rglob("*.md")) + list(src.rglob("*.markdown"))):
    text = f.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---\n"):
        body = text
    else:
        header, rest = {}, text
        m = re.match(r"((?:[A-Za-z]+:[^\n]*\n)+)\n", text)
        if m:
            header = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in m.group(1).splitlines())}
            rest = text[m.end():]
        date = header.get("date", "")[:10]
        if not re.match(r"\d{4}-\d\d-\d\d", date):
            found = re.search(r"(\d{4})[-_](\d\d)[-_](\d\d)", f.name)
            if not found:
                continue
            date = "-".join(found.groups())
        title = header.get("title", f.stem).replace('"', "'")
        body = f'---\ntitle: "{title}"\ndate: {date}\n---\n{rest}'
    (out / f"{made:05d}-{f.stem}.md").write_text(body, encoding="utf-8")
    made += 1
print(f"{made} files for Hugo", file=sys.stderr)
PY
: >"$work/times-ours"; : >"$work/times-hugo"
for _ in $(seq "$runs"); do
  rm -rf "$work/out" "$work/hugo-out"
  measure "$here/bin/weekly-archive" build --source "$site" --output "$work/out" >>"$work/times-ours"
  measure hugo --source "$work/hugo" --destination "$work/hugo-out" --quiet >>"$work/times-hugo"
done
weeks=$(find "$work/out" -path '*/20*/*.html' | wc -l)
hugo_weeks=$(find "$work/hugo-out/posts" -name index.html | wc -l)
ours=$(cut -d' ' -f1 "$work/times-ours" | median); ours_cpu=$(cut -d' ' -f2 "$work/times-ours" | median)
hugo_ms=$(cut -d' ' -f1 "$work/times-hugo" | median); hugo_cpu=$(cut -d' ' -f2 "$work/times-hugo" | median)
printf "%-28s %7s %7s %10s %10s %10s %10s %10s\n" archive weeks "hugo's" "ours ms" "ours CPU" "hugo ms" "hugo CPU" "ours/hugo"
printf "%-28s %7s %7s %10s %10s %10s %10s %10s\n" "$(basename "$site")" "$weeks" "$hugo_weeks" "$ours" "$ours_cpu" "$hugo_ms" "$hugo_cpu" \
  "$(awk -v a="$ours" -v b="$hugo_ms" 'BEGIN { printf "%.2fx", a / b }')"
