package io.github.weeklyarchive.bench;

import io.github.weeklyarchive.report.Section;
import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import io.github.weeklyarchive.testing.Browser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search on a built site, ours against Pagefind's on the same pages, in one run: bytes fetched by a
 * cold query (raw and gzipped, as GitHub Pages serves them), time of a warm query, index size, and
 * recall against a reference search written here, apart from the index and its client. Run by
 * bench/search-benchmark.sh, which builds the site and runs Pagefind on it first; not a test.
 *
 * <p>The reference reads every week line by line (title, headings, each line of text; NFKC, lower
 * case, runs of spaces as one). A query's parts are its quoted phrases and its other space-separated
 * words; a week is expected when each part is in one of its lines: as a substring when it starts
 * with a Han character (what grep finds), at the start of a word when it starts with a letter or
 * digit (a word prefix: "tokio" finds "tokio-console"), a quoted phrase as its words next to each
 * other in that order.
 *
 * <p>Arguments: SOURCE_DIR SITE_DIR QUERY...
 */
public final class SearchBenchmark {

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PARTS = Pattern.compile("[\"“”]([^\"“”]*)[\"“”]?|([^\\s\"“”]+)", Pattern.UNICODE_CHARACTER_CLASS);
    /** Not after a letter or digit of a script other than Han: a word starts here. */
    private static final String WORD_START = "(?<![\\p{L}\\p{Nd}&&[^\\p{IsHan}]])";

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path site = Path.of(args[1]);
        List<String> queries = List.of(args).subList(2, args.length);
        SiteBuilder.Loaded loaded = SiteBuilder.load(source, false);
        Set<String> urls = new HashSet<>();
        List<String> urlList = new ArrayList<>();
        List<List<String>> weekLines = new ArrayList<>();
        loaded.archive().weeks().forEach(w -> {
            urls.add(w.uri());
            urlList.add(w.uri());
            List<String> lines = new ArrayList<>(List.of(w.report().title()));
            for (Section s : w.report().sections()) {
                lines.add(s.heading());
                lines.addAll(List.of(s.text().split("\n")));
            }
            weekLines.add(lines.stream().map(SearchBenchmark::normalize).toList());
        });
        Files.writeString(site.resolve("pagefind-bench.html"), """
                <!DOCTYPE html><meta charset="utf-8"><title>pagefind</title>
                <script type="module">
                  window.pf = await import("./pagefind/pagefind.js");
                  await window.pf.init();
                  window.ready = true;
                </script>""");

        long postings = size(site.resolve("search/postings")) + size(site.resolve("search/meta.json"));
        System.out.printf("weeks: %d; index on disk: ours %s of postings (%.2f KB a week) + %s of weeks and passages, pagefind %s%n",
                urls.size(), kb(postings), postings / 1024.0 / urls.size(),
                kb(size(site.resolve("search/weeks")) + size(site.resolve("search/passages"))), kb(size(site.resolve("pagefind"))));
        System.out.printf("%-22s | %-40s | %-40s | %s%n", "query", "ours: cold KB raw/gz, warm ms, hits",
                "pagefind: cold KB raw/gz, warm ms, hits", "reference hits");
        try (PreviewServer server = PreviewServer.start(site, "/", 0, SERVED::add)) {
            for (String query : queries) {
                List<Pattern> parts = reference(query);
                Set<String> truth = new TreeSet<>();
                for (int i = 0; i < weekLines.size(); i++) {
                    List<String> lines = weekLines.get(i);
                    if (!parts.isEmpty() && parts.stream().allMatch(p -> lines.stream().anyMatch(l -> p.matcher(l).find()))) {
                        truth.add(urlList.get(i));
                    }
                }
                Run ours = ours(server, site, query);
                Run pagefind = pagefind(server, site, query);
                // Pagefind also indexes the non-week pages (metrics, tags): compare on weeks only.
                pagefind.hits.retainAll(urls);
                System.out.printf("%-22s | %6.1f / %5.1f KB, %5.1f ms, %4d %-10s | %6.1f / %5.1f KB, %5.1f ms, %4d %-10s | %d%n", query,
                        ours.raw / 1024.0, ours.gzip / 1024.0, ours.warmMs, ours.hits.size(), recall(ours.hits, truth),
                        pagefind.raw / 1024.0, pagefind.gzip / 1024.0, pagefind.warmMs, pagefind.hits.size(), recall(pagefind.hits, truth),
                        truth.size());
            }
        }
    }

    private static String normalize(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The reference's parts of a query, each a pattern to find in one line. */
    private static List<Pattern> reference(String query) {
        List<Pattern> parts = new ArrayList<>();
        Matcher m = PARTS.matcher(Normalizer.normalize(query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            String part = normalize(m.group(1) != null ? m.group(1) : m.group(2));
            if (part.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            int first = part.codePointAt(0);
            boolean han = Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN;
            boolean word = Character.isLetterOrDigit(first) && !han;
            parts.add(Pattern.compile((word ? WORD_START : "") + Pattern.quote(part)));
        }
        return parts;
    }

    private record Run(long raw, long gzip, double warmMs, Set<String> hits) {
    }

    /** Every file the server sent, in order: counted at the server, so requests from web workers count too. */
    private static final List<String> SERVED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static String recall(Set<String> hits, Set<String> truth) {
        long found = truth.stream().filter(hits::contains).count();
        long extra = hits.stream().filter(h -> !truth.contains(h)).count();
        return "(" + found + "/" + truth.size() + (extra > 0 ? " +" + extra : "") + ")";
    }

    /** Ours: the search page with ?q=, in a fresh browser (cold cache), its first screen of results shown. */
    @SuppressWarnings("unchecked")
    private static Run ours(PreviewServer server, Path site, String query) throws Exception {
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            // Reading every candidate week, for recall, takes long when few hold a phrase; only the first five are timed.
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(600));
            SERVED.clear();
            browser.get(server.url() + "search/index.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("search-status")).getAttribute("data-ms") != null);
            long[] bytes = fetched(site, path -> path.startsWith("search/") && !path.equals("search/index.html") || path.equals("js/search.js"));
            // Warm: the same query again in the same page, the median of five on a machine shared with
            // other work; then all results confirmed.
            Map<String, Object> warm = (Map<String, Object>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      const times = [];
                      let r;
                      for (let i = 0; i < 5; i++) {
                        const t = performance.now();
                        r = await WeeklySearch.search(arguments[0]);
                        await r.next(5);
                        times.push(performance.now() - t);
                      }
                      times.sort((a, b) => a - b);
                      while (!r.done()) await r.next(50);
                      done({ms: times[2], urls: r.results.map(x => x.page.u)});
                    })();""", query);
            return new Run(bytes[0], bytes[1], ((Number) warm.get("ms")).doubleValue(), new TreeSet<>((List<String>) warm.get("urls")));
        } finally {
            browser.quit();
        }
    }

    /** Pagefind: its JavaScript API, the first 5 results' data loaded (its UI loads 5 at first too). */
    @SuppressWarnings("unchecked")
    private static Run pagefind(PreviewServer server, Path site, String query) throws Exception {
        ChromeDriver browser = Browser.start(1280, 900);
        try {
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            // The preview server sends our pages' strict policy; Pagefind needs an inline module and WebAssembly.
            browser.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
            SERVED.clear();
            browser.get(server.url() + "pagefind-bench.html");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.executeScript("return window.ready === true")));
            browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    pf.search(arguments[0]).then(s => Promise.all(s.results.slice(0, 5).map(r => r.data()))).then(() => done(true));""", query);
            long[] bytes = fetched(site, path -> path.startsWith("pagefind/"));
            Map<String, Object> warm = (Map<String, Object>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      const times = [];
                      let s;
                      for (let i = 0; i < 5; i++) {
                        const t = performance.now();
                        s = await pf.search(arguments[0]);
                        await Promise.all(s.results.slice(0, 5).map(r => r.data()));
                        times.push(performance.now() - t);
                      }
                      times.sort((a, b) => a - b);
                      const all = await Promise.all(s.results.map(r => r.data()));
                      done({ms: times[2], urls: all.map(d => d.url)});
                    })();""", query);
            Set<String> hits = new TreeSet<>();
            for (String url : (List<String>) warm.get("urls")) {
                hits.add(url.replaceFirst("^/", "").replaceFirst("#.*$", ""));
            }
            return new Run(bytes[0], bytes[1], ((Number) warm.get("ms")).doubleValue(), hits);
        } finally {
            browser.quit();
        }
    }

    /** Sums the files served that match, raw and gzipped (as GitHub Pages would send them). */
    private static long[] fetched(Path site, java.util.function.Predicate<String> counted) throws IOException {
        long raw = 0;
        long gzip = 0;
        for (String path : new java.util.LinkedHashSet<>(SERVED)) {
            if (!counted.test(path)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(site.resolve(path));
            raw += bytes.length;
            gzip += gzipped(bytes);
        }
        return new long[] {raw, gzip};
    }

    private static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    private static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String kb(long bytes) {
        return String.format("%.0f KB", bytes / 1024.0);
    }
}
