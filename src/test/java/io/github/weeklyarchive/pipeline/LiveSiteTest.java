package io.github.weeklyarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantee of serve's preview: whatever was edited and whichever pages were looked at in between, every file it
 * serves is the file {@code build} writes for the same input (with the live-reload script, as serve asks for it), byte
 * for byte, and it serves no file a build does not write.
 */
class LiveSiteTest {

    @TempDir
    Path dir;

    private Path source;
    private LiveSite site;
    private int colds;
    /** Moves every saved file's time on, as saves a second apart would: the session's report cache goes by size and time. */
    private Instant clock = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void everyFileServedAfterEveryKindOfEditIsTheColdBuildsFile() throws Exception {
        source = TestSites.everyKindOfPage(dir.resolve("src"));
        site = new LiveSite(new BuildOptions(source, dir.resolve("unused"), Optional.of("/"), false, true, ReportCache.keeping()),
                Files.createDirectories(dir.resolve("work")));
        assertFalse(site.ready(), "nothing to serve before the first load");
        update();
        compareEveryFile();

        // A week edited while its page is open: only that page is looked at before the next edit.
        replace("content/2023/2023-02-17.md", "99.93%", "99.39%");
        update();
        assertTrue(text("2023/2023-02-17.html").contains("99.39%"));
        replace("content/2023/2023-02-17.md", "99.96%", "99.69%");
        update();
        compareEveryFile();

        // A week added, then one deleted: neighbours, lists, feed, charts and the search index follow.
        write("content/2023/2023-03-24.md", """
                # 第13周 2023-03-24

                # 上周进展

                ## 【系统运行数据】

                - 入金有效成功率：99.97%
                """);
        update();
        assertTrue(text("2023/2023-03-17.html").contains("2023-03-24"), "the neighbour links to the new week");
        compareEveryFile();
        Files.delete(source.resolve("content/2023/2023-03-10.md"));
        update();
        assertEquals(Optional.empty(), site.read("2023/2023-03-10.html"));
        compareEveryFile();

        // metrics.yaml: the dashboard, the charts and every week's chips.
        replace("metrics.yaml", "target: \">= 99.95\"", "target: \">= 99.98\"");
        update();
        compareEveryFile();

        // A template of the site's own: every page is rendered again at once, and a broken one keeps the last good site.
        write("templates/post.ftl", TestSites.builtInTemplate("post.ftl").replace("<article class=\"week\"", "<article data-custom=\"1\" class=\"week\""));
        update();
        assertTrue(text("2023/2023-02-17.html").contains("data-custom"));
        compareEveryFile();
        byte[] good = site.read("2023/2023-02-17.html").orElseThrow();
        write("templates/post.ftl", TestSites.builtInTemplate("post.ftl").replace("<article class=\"week\"", "${no_such_thing.here}<article class=\"week\""));
        BuildResult broken = site.update();
        assertTrue(broken.failed(), "a template error fails the edit");
        assertTrue(broken.problems().stream().anyMatch(p -> p.isError() && p.path().contains("post.ftl")), broken.problems().toString());
        assertArrayEquals(good, site.read("2023/2023-02-17.html").orElseThrow(), "the last good page is still served");
        Files.delete(source.resolve("templates/post.ftl"));
        update();
        compareEveryFile();

        // A stylesheet of the site's own, added, then edited after its first one was served: the edit is what is served.
        write("assets/css/site.css", "body { color: #111; }\n");
        update();
        compareEveryFile();
        write("assets/css/site.css", "body { color: #222; }\n");
        update();
        assertEquals("body { color: #222; }\n", text("css/site.css"), "an edited asset is served as it is now");
        compareEveryFile();
        Files.delete(source.resolve("assets/css/site.css"));
        update();
        compareEveryFile();

        // A report with an error fails the edit too, and a fix serves it again.
        replace("content/2023/2023-02-17.md", "# 第08周 2023-02-17", "# 第08周 2023-02-17\n\n<!-- private -->\n- 没写完");
        assertTrue(site.update().failed());
        assertTrue(text("2023/2023-02-17.html").contains("99.69%"), "the last good page is still served");
        replace("content/2023/2023-02-17.md", "\n\n<!-- private -->\n- 没写完", "");
        update();
        compareEveryFile();
        site.close();
    }

    @Test
    void aPageWhoseTemplateFailsOnlyForItselfIsAnsweredWithItsError() throws Exception {
        source = TestSites.everyKindOfPage(dir.resolve("src"));
        site = new LiveSite(new BuildOptions(source, dir.resolve("unused"), Optional.of("/"), false, true, ReportCache.keeping()),
                Files.createDirectories(dir.resolve("work")));
        update();
        // An archive template that fails only for a long archive: the edit changes no template, so the archive page
        // fails when it is asked for, with its message, and every other page is served.
        String archive = TestSites.builtInTemplate("archive.ftl");
        int afterHeader = archive.indexOf('\n') + 1; // the <#ftl> line comes first
        write("templates/archive.ftl", archive.substring(0, afterHeader) + "<#if (published_posts?size > 5)>${published_posts[99].title}</#if>"
                + archive.substring(afterHeader));
        update();
        write("content/2023/2023-03-24.md", "# 第13周 2023-03-24\n\n- 一周\n");
        update();
        LiveSite.Unrenderable failed = assertThrows(LiveSite.Unrenderable.class, () -> site.read("archive.html"));
        assertTrue(failed.getMessage().contains("archive.ftl"), failed.getMessage());
        assertTrue(text("2023/2023-03-24.html").contains("一周"));
        site.close();
    }

    private void update() {
        BuildResult result = site.update();
        assertTrue(!result.failed(), result.problems().toString());
        assertTrue(site.ready());
    }

    /** Builds cold into a folder of its own, and compares every file with what the preview serves. */
    private void compareEveryFile() throws IOException {
        Path cold = dir.resolve("cold-" + colds++);
        BuildResult built = SiteBuilder.build(new BuildOptions(source, cold, Optional.of("/"), false, true, ReportCache.none()));
        assertTrue(built.written(), built.problems().toString());
        Map<String, byte[]> expected = files(cold);
        expected.remove(".weekly-archive"); // the output folder's own mark, no file of the site
        assertEquals(expected.keySet(), new java.util.TreeSet<>(site.paths()), "the same files");
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertArrayEquals(file.getValue(), site.read(file.getKey()).orElseThrow(), file.getKey() + " differs from a cold build's");
        }
    }

    private String text(String path) throws IOException {
        return new String(site.read(path).orElseThrow(), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private void write(String path, String text) throws IOException {
        Path file = source.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        clock = clock.plusSeconds(1);
        Files.setLastModifiedTime(file, FileTime.from(clock));
    }

    private void replace(String path, String from, String to) throws IOException {
        write(path, TestSites.replaced(source.resolve(path), from, to));
    }
}
