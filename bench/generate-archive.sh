#!/usr/bin/env bash
# generate-archive.sh N DIR: N weekly reports (the real sample, one per week going back from
# 2023-02-24, numbers varied) as DIR/content/YEAR/DATE.md, plus the same Markdown with front
# matter as DIR/hugo/content/posts/DATE.md for Hugo.
set -euo pipefail
n=$1; dir=$2
here=$(cd "$(dirname "$0")/.." && pwd)
sample="$here/content/2023/2023-02-24-week09.md"
rm -rf "$dir"; mkdir -p "$dir/content" "$dir/hugo/content/posts"
python3 - "$n" "$dir" "$sample" <<'PY'
import sys, datetime, pathlib, random
n, out, sample = int(sys.argv[1]), pathlib.Path(sys.argv[2]), open(sys.argv[3], encoding="utf-8").read()
body = sample.split("\n", 1)[1]
rnd = random.Random(42)
end = datetime.date(2023, 2, 24)
for i in range(n):
    day = end - datetime.timedelta(weeks=i)
    label = f"第{(n - i):02d}周"
    text = body.replace("99.98%", f"{99 + rnd.random():.2f}%").replace("47.96%", f"{rnd.random() * 100:.2f}%")
    ours = out / "content" / str(day.year) / f"{day}.md"
    ours.parent.mkdir(parents=True, exist_ok=True)
    ours.write_text(f"# {label} {day}\n{text}", encoding="utf-8")
    (out / "hugo" / "content" / "posts" / f"{day}.md").write_text(
        f"---\ntitle: \"{label} {day}\"\ndate: {day}\n---\n{text}", encoding="utf-8")
PY
# A minimal Hugo site that renders what ours renders: a page per week with prev/next, list pages, feed, sitemap.
mkdir -p "$dir/hugo/layouts/_default"
cat > "$dir/hugo/config.toml" <<'TOML'
baseURL = "https://example.org/repo/"
title = "周报归档"
disableKinds = ["taxonomy", "term"]
TOML
cat > "$dir/hugo/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
HTML
cat > "$dir/hugo/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time><nav>{{ .TableOfContents }}</nav>{{ .Content }}
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
HTML
cat > "$dir/hugo/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>{{ end }}
HTML
cp "$dir/hugo/layouts/_default/list.html" "$dir/hugo/layouts/index.html"
