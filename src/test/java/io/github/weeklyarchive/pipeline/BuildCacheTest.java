package io.github.weeklyarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantee of the build cache: a build that takes pages and charts from it writes exactly the files a
 * cold build writes, byte for byte, whatever changed in between (a week added, edited, deleted; a template,
 * metrics.yaml, the base URL), and it rewrites only what changed.
 */
class BuildCacheTest {

    @TempDir
    Path dir;

    private Path source;
    private Path output;
    private Path cache;
    private int colds;
    /** The reports of the last build with the cache: what it parsed and extracted anew. */
    private ReportCache lastReports;

    @Test
    void everyChangeGivesTheColdBuildsFilesAndOnlyWhatChangedIsRewritten() throws Exception {
        buildingInto(TestSites.everyKindOfPage(dir.resolve("src")));

        buildAndCompare("/");
        Map<String, Object> first = fileKeys(output);
        buildAndCompare("/");
        Map<String, Object> again = fileKeys(output);
        for (String page : List.of("2023/2023-02-17.html", "index.html", "feed.xml", "metrics/deposit-success.html",
                "charts/deposit-success.light.svg", "charts/incidents.dark.svg", "search/meta.json", "data/metrics.csv", "css/site.css")) {
            assertEquals(first.get(page), again.get(page), page + ": nothing changed, so it is the same file, not written again");
        }

        // A week added after the last one: the new week, its neighbour, the lists, the feed and its metric's charts change.
        write("content/2023/2023-03-24.md", """
                # 第13周 2023-03-24

                # 上周进展

                ## 【系统运行数据】

                - 入金有效成功率：99.97%
                """);
        buildAndCompare("/");
        assertEquals(1, lastReports.parsedCount(), "only the new week is parsed");
        assertEquals(1, lastReports.extractions().extractedCount(), "only the new week's numbers are read: the others' are in the cache");
        Map<String, Object> added = fileKeys(output);
        assertEquals(again.get("2023/2023-02-17.html"), added.get("2023/2023-02-17.html"), "a week far from the new one is not rewritten");
        assertEquals(again.get("charts/project-" + projectId() + ".light.svg"), added.get("charts/project-" + projectId() + ".light.svg"),
                "a chart the new week adds nothing to is not redrawn");
        assertNotEquals(again.get("2023/2023-03-17.html"), added.get("2023/2023-03-17.html"), "the neighbour links to the new week");
        assertNotEquals(again.get("charts/deposit-success.light.svg"), added.get("charts/deposit-success.light.svg"));
        assertEquals(again.get("css/site.css"), added.get("css/site.css"), "what is written whole but comes out the same is kept");
        assertNotEquals(again.get("search/meta.json"), added.get("search/meta.json"));
        assertTrue(Files.readString(output.resolve("2023/2023-03-17.html")).contains("2023-03-24"));

        // An edited neighbour: its title is in the links of the weeks beside it.
        replace("content/2023/2023-03-10.md", "# 第11周 2023-03-10", "# 第11周 2023-03-10 新标题");
        buildAndCompare("/");
        assertTrue(Files.readString(output.resolve("2023/2023-03-17.html")).contains("新标题"));

        // metrics.yaml: names, targets and so the charts, dashboard and chips of every week.
        replace("metrics.yaml", "target: \">= 99.95\"", "target: \">= 99.98\"");
        buildAndCompare("/");

        // The base URL is in every page.
        buildAndCompare("https://example.org/weekly/");
        buildAndCompare("https://example.org/weekly/");

        // A template of the site's own, over the built-in one.
        write("templates/post.ftl", TestSites.builtInTemplate("post.ftl").replace("<article class=\"week\"", "<article data-custom=\"1\" class=\"week\""));
        buildAndCompare("/");
        assertTrue(Files.readString(output.resolve("2023/2023-02-17.html")).contains("data-custom"));

        // A custom week template that lists every week: observed, so every week page follows any week's title.
        write("templates/post.ftl", TestSites.builtInTemplate("post.ftl").replace("<article class=\"week\"",
                "<ul class=\"all\"><#list published_posts as p><li>${p.title}</li></#list></ul><article class=\"week\""));
        buildAndCompare("/");
        replace("content/2023/2023-03-10.md", "新标题", "又一个标题");
        buildAndCompare("/");
        assertTrue(Files.readString(output.resolve("2023/2023-02-17.html")).contains("又一个标题"), "a far week lists the new title");
        Files.delete(source.resolve("templates/post.ftl"));
        buildAndCompare("/");

        // A setting only Java reads: which template week pages use (no template reads template.post.file).
        write("templates/week-plain.ftl", "<html><body>${content.title}</body></html>");
        write("jbake.properties", "template.post.file=week-plain.ftl\n");
        buildAndCompare("/");
        assertTrue(Files.readString(output.resolve("2023/2023-02-17.html")).startsWith("<html><body>"), "every week page made again");
        Files.delete(source.resolve("jbake.properties"));
        buildAndCompare("/");

        // A week deleted: its neighbours close the gap; its page and the charts' points go.
        Files.delete(source.resolve("content/2023/2023-03-10.md"));
        buildAndCompare("/");
        assertFalse(Files.exists(output.resolve("2023/2023-03-10.html")));

        // An edit in the middle of a week's text, the file size kept: fingerprints are of the content, not of file times.
        replace("content/2023/2023-02-17.md", "99.93%", "99.39%");
        buildAndCompare("/");
        assertTrue(colds >= 13);
    }

    @Test
    void aCacheThatCannotBeTrustedIsIgnoredAndTheBuildIsStillRight() throws Exception {
        buildingInto(TestSites.everyKindOfPage(dir.resolve("src")));
        buildAndCompare("/");

        // A cached page changed after it was recorded (here through the published copy, which is the same file).
        Path page = output.resolve("2023/2023-02-17.html");
        Files.writeString(page, Files.readString(page).replace("第08周", "第88周"));
        buildAndCompare("/");

        // A cut manifest, then one of another tool version, then garbage.
        Path manifest = cache.resolve(BuildCache.MANIFEST);
        List<String> lines = Files.readAllLines(manifest);
        Files.write(manifest, lines.subList(0, lines.size() / 2));
        tamper(page); // were the cut manifest trusted, this page would be taken as it is
        buildAndCompare("/");
        lines = Files.readAllLines(manifest);
        lines.set(0, lines.get(0).replace("tool ", "tool other "));
        Files.write(manifest, lines);
        tamper(page);
        buildAndCompare("/");
        Files.writeString(manifest, "\0\0not a manifest\n../../etc/passwd\tcontent\tx\t1\t1\n# end\n");
        tamper(page);
        buildAndCompare("/");

        // An entry pointing outside the cache is not followed.
        lines = Files.readAllLines(manifest);
        List<String> escaping = new ArrayList<>(lines);
        escaping.add(1, "../src/metrics.yaml\tcontent\tx\t1\t1");
        Files.write(manifest, escaping);
        buildAndCompare("/");
    }

    @Test
    void aCacheRestoredWithoutItsFileTimesIsStillUsed() throws Exception {
        buildingInto(TestSites.threeWeeks(dir.resolve("src")));
        buildAndCompare("/");
        Map<String, Object> before = fileKeys(output);
        // As a CI cache may restore it: the same bytes, other times.
        try (Stream<Path> files = Files.walk(cache.resolve("files"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
            }
        }
        Map<String, Object> restored = fileKeys(output);
        buildAndCompare("/");
        assertEquals(restored.get("2023/2023-02-17.html"), fileKeys(output).get("2023/2023-02-17.html"), "taken from the cache, checked by its hash");
        assertNotEquals(before.get("2023/2023-02-17.html"), restored.get("2023/2023-02-17.html"));
    }

    @Test
    void aFolderThatIsNotACacheIsNeitherReadNorReplaced(@TempDir Path elsewhere) throws Exception {
        source = TestSites.threeWeeks(dir.resolve("src"));
        output = dir.resolve("site");
        cache = dir.resolve("mine");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("notes.txt"), "my own");
        BuildResult result = SiteBuilder.build(options("/"));
        assertTrue(result.written());
        assertTrue(result.problems().stream().anyMatch(p -> !p.isError() && p.path().equals(cache.toString())
                && p.message().contains("not a weekly-archive build cache")), result.problems().toString());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(List.of("notes.txt"), files.map(f -> f.getFileName().toString()).toList());
        }

        cache = output.resolve("cache"); // inside the published site: refused
        result = SiteBuilder.build(options("/"));
        assertTrue(result.written());
        assertFalse(Files.exists(output.resolve("cache")));
        assertTrue(result.problems().stream().map(Problem::message).anyMatch(m -> m.contains("beside the output folder")));
    }

    /** Builds {@code site} into {@code dir/site}, with the cache beside it, where the Pages workflow keeps it. */
    private void buildingInto(Path site) {
        source = site;
        output = dir.resolve("site");
        cache = dir.resolve(".site.cache");
    }

    private BuildOptions options(String baseUrl) {
        lastReports = ReportCache.none();
        return new BuildOptions(source, output, Optional.of(baseUrl), false, false, lastReports).withCache(cache);
    }

    /** Builds with the cache, then cold into a folder of its own, and compares every file. */
    private void buildAndCompare(String baseUrl) throws IOException {
        BuildResult cached = SiteBuilder.build(options(baseUrl));
        assertTrue(cached.written(), cached.problems().toString());
        assertTrue(cached.problems().stream().noneMatch(p -> p.path().equals(cache.toString())), cached.problems().toString());
        Path cold = dir.resolve("cold-" + colds++);
        BuildResult result = SiteBuilder.build(new BuildOptions(source, cold, Optional.of(baseUrl), false, false, ReportCache.none()));
        assertTrue(result.written(), result.problems().toString());
        Map<String, byte[]> expected = files(cold);
        Map<String, byte[]> actual = files(output);
        assertEquals(expected.keySet(), actual.keySet(), "the same files");
        for (String file : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(file), actual.get(file)), file + " differs from a cold build's");
        }
        assertTrue(Files.isRegularFile(cache.resolve(BuildCache.MANIFEST)), "the cache is kept for the next build");
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Each file's identity on disk: the same key means the file was not written again. */
    private static Map<String, Object> fileKeys(Path root) throws IOException {
        Map<String, Object> keys = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                keys.put(root.relativize(file).toString().replace('\\', '/'), attributes.fileKey() + "@" + attributes.lastModifiedTime());
            }
        }
        return keys;
    }

    private String projectId() throws IOException {
        try (Stream<Path> charts = Files.list(output.resolve("charts"))) {
            return charts.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("project-") && n.endsWith(".light.svg"))
                    .map(n -> n.substring("project-".length(), n.length() - ".light.svg".length())).findFirst().orElseThrow();
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = source.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Changes a published page (and so the cached file, the same file on disk) in place, keeping its size and
     * time: a change the cache cannot see, so the page comes out right only if the cache was not trusted at all.
     */
    private static void tamper(Path file) throws IOException {
        var time = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        assertTrue(text.contains("第08周"));
        Files.writeString(file, text.replace("第08周", "第88周"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, time);
    }

    private void replace(String path, String from, String to) throws IOException {
        write(path, TestSites.replaced(source.resolve(path), from, to));
    }
}
