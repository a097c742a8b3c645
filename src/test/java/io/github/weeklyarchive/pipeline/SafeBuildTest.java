package io.github.weeklyarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.testing.ChildJvm;
import io.github.weeklyarchive.testing.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build promises about the machine it runs on: it reads only the source folder and replaces only its own output. */
class SafeBuildTest {

    @Test
    void aFolderTheBuildDidNotMakeIsNeverReplaced(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path project = Files.createDirectories(work.resolve("w"));
        Files.writeString(project.resolve("index.html"), "x");
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/main.c"), "c");
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main");

        BuildResult refused = SiteBuilder.build(BuildOptions.of(source, project));

        assertFalse(refused.written());
        assertTrue(refused.problems().get(0).message().startsWith("the output folder is not empty and was not made by weekly-archive"),
                refused.problems().toString());
        assertEquals("c", Files.readString(project.resolve("src/main.c")));
        assertEquals("ref: refs/heads/main", Files.readString(project.resolve(".git/HEAD")));
        assertEquals("x", Files.readString(project.resolve("index.html")));
        try (Stream<Path> siblings = Files.list(work)) {
            assertEquals(List.of("src", "w"), siblings.map(p -> p.getFileName().toString()).sorted().toList(), "nothing left beside it");
        }
    }

    @Test
    void theOutputMayNeitherHoldTheSourceNorLieInWhatTheBuildReads(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Files.createDirectories(source.resolve("templates"));
        for (Path output : List.of(source, work, source.resolve("content/site"), source.resolve("templates/out"), source.resolve("assets/out"))) {
            BuildResult refused = SiteBuilder.build(BuildOptions.of(source, output));
            assertFalse(refused.written(), output.toString());
            assertEquals(1, refused.problems().size(), refused.problems().toString());
            assertTrue(refused.problems().get(0).message().contains("choose another --output"), refused.problems().toString());
        }
        assertTrue(Files.isRegularFile(source.resolve(TestSites.SAMPLE)));
        assertFalse(Files.exists(source.resolve("content/site")));
    }

    @Test
    void aRebuildReplacesWhatTheBuildMadeAndKeepsTheUsersOwnFiles(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path site = work.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, site)).written());
        List<String> listed = Files.readAllLines(site.resolve(OutputFolder.MARKER));
        assertTrue(listed.contains("index.html") && listed.contains("2023/2023-03-03.html"), listed.toString());

        Files.writeString(site.resolve("CNAME"), "weekly.example.org");
        Files.createDirectories(site.resolve("notes"));
        Files.writeString(site.resolve("notes/todo.txt"), "mine");
        Files.delete(source.resolve("content/2023/三月/第10周.md"));
        assertTrue(SiteBuilder.build(BuildOptions.of(source, site)).written());

        assertEquals("weekly.example.org", Files.readString(site.resolve("CNAME")));
        assertEquals("mine", Files.readString(site.resolve("notes/todo.txt")));
        assertFalse(Files.exists(site.resolve("2023/2023-03-03.html")), "the deleted week's page is gone");
        assertFalse(Files.readAllLines(site.resolve(OutputFolder.MARKER)).contains("CNAME"), "the user's file stays the user's");

        // A new week whose page would take the place of a file the user put there: the build stops, nothing changes.
        Files.writeString(site.resolve("2023/2023-03-10.html"), "my own page");
        TestSites.write(source.resolve("content/2023/2023-03-10.md"), "# 第11周 2023-03-10\n\n- 正文\n");
        BuildResult clash = SiteBuilder.build(BuildOptions.of(source, site));
        assertFalse(clash.written());
        Problem problem = clash.problems().get(clash.problems().size() - 1);
        assertTrue(problem.path().endsWith("2023/2023-03-10.html") && problem.message().contains("not written by weekly-archive"), problem.toString());
        assertEquals("my own page", Files.readString(site.resolve("2023/2023-03-10.html")));
        assertTrue(Files.isRegularFile(site.resolve("2023/2023-02-24.html")), "the previous site is still there");
    }

    @Test
    void aLinkedOutputFolderIsUpdatedThroughItsLink(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path real = Files.createDirectories(work.resolve("published/site"));
        Path link = Files.createSymbolicLink(work.resolve("output"), real);
        for (int build = 0; build < 2; build++) {
            assertTrue(SiteBuilder.build(BuildOptions.of(source, link)).written());
            assertTrue(Files.isSymbolicLink(link), "the link is kept");
            assertEquals(real.toRealPath(), link.toRealPath());
            assertTrue(Files.isRegularFile(real.resolve("2023/2023-02-24.html")));
        }
    }

    @Test
    void linksThatLeaveTheSourceFolderAreSkippedWithAWarning(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path secret = work.resolve("secret.txt");
        Files.writeString(secret, "API_TOKEN=s3cr3t");
        Path outsideReport = work.resolve("outside.md");
        Files.writeString(outsideReport, "# 第20周 2023-05-12\n\n- 外面的周报\n");
        Path content = source.resolve("content");
        Files.createSymbolicLink(content.resolve("env.txt"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(content.resolve("passwd.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(content.resolve("secret.txt"), secret);
        Files.createSymbolicLink(content.resolve("2023-05-12.md"), outsideReport);
        Files.createSymbolicLink(content.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(content.resolve("loop"), content);
        Files.createDirectories(source.resolve("assets"));
        Files.createSymbolicLink(source.resolve("assets/hosts.txt"), Path.of("/etc/hosts"));
        Files.createDirectories(source.resolve("pictures"));
        Files.writeString(source.resolve("pictures/chart.png"), "png");
        Files.createSymbolicLink(content.resolve("chart.png"), Path.of("../pictures/chart.png"));
        Path site = work.resolve("site");

        BuildResult result = SiteBuilder.build(BuildOptions.of(source, site));

        assertTrue(result.written(), result.problems().toString());
        assertEquals(3, result.weeks(), "a report linked from outside is not a week");
        List<String> warned = result.problems().stream().filter(p -> !p.isError()).map(Problem::path).sorted().toList();
        assertEquals(List.of("assets/hosts.txt", "content/2023-05-12.md", "content/env.txt", "content/etc", "content/loop",
                "content/passwd.txt", "content/secret.txt"), warned, result.problems().toString());
        assertEquals("png", Files.readString(site.resolve("chart.png")), "a link inside the site folder is followed");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("s3cr3t") || text.contains("root:x:0:0") || text.contains("PATH="), file.toString());
            }
        }
    }

    @Test
    void aContentFolderThatIsALinkIsFollowed(@TempDir Path work) throws Exception {
        Path reports = TestSites.threeWeeks(work.resolve("reports-repo")).resolve("content");
        Path source = Files.createDirectories(work.resolve("site-src"));
        Files.createSymbolicLink(source.resolve("content"), reports);
        BuildResult result = SiteBuilder.build(BuildOptions.of(source, work.resolve("site")));
        assertTrue(result.written(), result.problems().toString());
        assertEquals(3, result.weeks());
    }

    @Test
    void aSiteWithNoReportsSaysWhereItLooked(@TempDir Path work) throws Exception {
        Path source = Files.createDirectories(work.resolve("src/content"));
        TestSites.write(source.resolve("notes.txt"), "not a report");
        BuildResult result = SiteBuilder.build(BuildOptions.of(source.getParent(), work.resolve("site")));
        assertTrue(result.written());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).toString().startsWith("content:1: warning: no reports found: looked for .md and .markdown files in "
                + source), result.problems().toString());
    }

    @Test
    void pagesThatAreNotReportsAreLeftOutWithOneLineOfConfiguration(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        TestSites.write(source.resolve("docs/issue-1.md"), "---\ndate: 2018-10-12\n---\n# 科技爱好者周刊（第 1 期）\n");
        TestSites.write(source.resolve("docs/subjects/linux.md"), "# Linux 文章汇总\n");
        TestSites.write(source.resolve("docs/free-music.md"), "# 免费音乐资源\n");
        TestSites.write(source.resolve("jbake.properties"), "content.folder=docs\n");
        BuildResult refused = SiteBuilder.build(BuildOptions.of(source, work.resolve("a")));
        assertFalse(refused.written(), "undated pages are errors until they are left out");
        assertEquals(2, refused.problems().stream().filter(p -> p.message().startsWith("no date found")).count(), refused.problems().toString());
        TestSites.write(source.resolve("jbake.properties"), "content.folder=docs\ncontent.exclude=subjects/** free-*.md\n");
        BuildResult built = SiteBuilder.build(BuildOptions.of(source, work.resolve("site")));
        assertTrue(built.written(), built.problems().toString());
        assertEquals(1, built.weeks());
        assertEquals(List.of(), built.problems());
    }

    @Test
    void aContentFolderSettingItCannotUseIsOneErrorSayingWhy(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        TestSites.write(source.resolve("2023/2023-03-03.md"), "# 第09周 2023-03-03\n");
        TestSites.write(source.resolve("jbake.properties"), "site.lang=zh\ncontent.folder=.\n");
        BuildResult refused = SiteBuilder.build(BuildOptions.of(source, work.resolve("site")));
        assertFalse(refused.written());
        assertEquals(List.of("jbake.properties:2: error: content.folder=. names the site folder itself; keep these files in a folder of "
                + "their own inside it and name that folder, such as content.folder=content"),
                refused.problems().stream().map(Object::toString).toList(), "not also 'no content/ folder'");
    }

    @Test
    void privateBlocksReachNoByteOfTheSite(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        TestSites.write(source.resolve("content/2023/2023-03-10.md"), """
                # 第11周 2023-03-10

                ## 系统运行数据

                - 入金有效成功率：99.97%
                <!-- private -->
                - 入金有效成功率：12.34%，内部对账号 ACCT-PRIVATE-7731
                - 商户机密进度：77%
                <!-- /private -->

                ## 生产稳定性事件

                - 3/9 10:00 支付超时 <!-- private -->（客户 机密客户甲）<!-- /private -->
                  - 处置：重启
                  - 原因：配置错误
                """);
        Path site = work.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, site).withBaseUrl("https://example.org/r/")).written());
        List<byte[]> secrets = java.util.stream.Stream.of("ACCT-PRIVATE-7731", "12.34", "商户机密进度", "机密客户甲")
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (byte[] secret : secrets) {
                    assertFalse(contains(bytes, secret), new String(secret, StandardCharsets.UTF_8) + " in " + site.relativize(file));
                }
            }
        }
        assertTrue(Files.readString(site.resolve("2023/2023-03-10.html")).contains("99.97%"), "the rest of the week is published");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void filesOnlyADraftRefersToAreNotPublished(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path folder = source.resolve("content/2023");
        TestSites.write(folder.resolve("2023-03-10.md"), """
                ---
                draft: true
                ---
                # 第11周 2023-03-10

                ![未发布的截图](draft-shot.png) ![共用](shared.png)
                [附件](files/plan%20v2.pdf)
                """);
        TestSites.write(folder.resolve("2023-03-17.md"), "# 第12周 2023-03-17\n\n![共用](shared.png)\n");
        for (String file : List.of("draft-shot.png", "shared.png", "files/plan v2.pdf", "unreferenced.pdf")) {
            TestSites.write(folder.resolve(file), file);
        }

        Path site = work.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, site)).written());
        assertFalse(Files.exists(site.resolve("2023/draft-shot.png")));
        assertFalse(Files.exists(site.resolve("2023/files/plan v2.pdf")));
        assertFalse(Files.exists(site.resolve("2023/2023-03-10.html")));
        assertTrue(Files.exists(site.resolve("2023/shared.png")), "a published week refers to it too");
        assertTrue(Files.exists(site.resolve("2023/unreferenced.pdf")), "no draft refers to it");

        Path withDrafts = work.resolve("preview");
        assertTrue(SiteBuilder.build(new BuildOptions(source, withDrafts, java.util.Optional.empty(), true, false, ReportCache.none())).written());
        assertTrue(Files.exists(withDrafts.resolve("2023/draft-shot.png")));
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdenticalInAnyTimeZone(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        TimeZone original = TimeZone.getDefault();
        Map<String, byte[]> first;
        Map<String, byte[]> second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("a")).withBaseUrl("https://example.org/r/")).written());
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("b")).withBaseUrl("https://example.org/r/")).written());
        } finally {
            TimeZone.setDefault(original);
        }
        first = contents(work.resolve("a"));
        second = contents(work.resolve("b"));
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.size() > 30, "charts, data and search are compared too: " + first.keySet());
        for (String file : first.keySet()) {
            assertArrayEquals(first.get(file), second.get(file), file);
        }
        assertTrue(new String(first.get("feed.xml"), StandardCharsets.UTF_8).contains("<updated>2023-03-03T00:00:00Z</updated>"));
    }

    @Test
    void theBuildTimeIsSourceDateEpochOrTheNewestWeekNeverTheClock() {
        Archive none = new Archive(List.of());
        List<Problem> problems = new ArrayList<>();
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), BuildTime.of(none, "1700000000", problems));
        assertEquals(Instant.EPOCH, BuildTime.of(none, null, problems));
        assertEquals(List.of(), problems);
        assertEquals(Instant.EPOCH, BuildTime.of(none, "yesterday", problems));
        assertEquals("SOURCE_DATE_EPOCH", problems.get(0).path());
    }

    @Test
    void whatAnInterruptedBuildLeftIsRemovedAndOnlyThat(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path site = work.resolve("site");
        Path ours = Files.createDirectories(work.resolve(".site.building-1234/site"));
        Files.writeString(ours.getParent().resolve(OutputFolder.MARKER), "# a build in progress");
        Path notOurs = Files.createDirectories(work.resolve(".site.building-by-someone-else"));
        Files.writeString(notOurs.resolve("data.txt"), "keep");

        assertTrue(SiteBuilder.build(BuildOptions.of(source, site)).written());

        assertFalse(Files.exists(ours.getParent()));
        assertEquals("keep", Files.readString(notOurs.resolve("data.txt")));
        try (Stream<Path> siblings = Files.list(work)) {
            assertEquals(List.of(".site.building-by-someone-else", "site", "src"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSwapCutBetweenItsTwoRenamesGetsThePreviousSiteBack(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Path site = work.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, site)).written());
        Path leftover = Files.createDirectories(work.resolve(".site.building-5678"));
        Files.writeString(leftover.resolve(OutputFolder.MARKER), "# a build in progress");
        Files.move(site, leftover.resolve(OutputFolder.Workspace.PREVIOUS));

        OutputFolder.open(source, site, List.of()).folder().orElseThrow().cleanLeftovers();

        assertTrue(Files.isRegularFile(site.resolve("2023/2023-02-24.html")));
        assertFalse(Files.exists(leftover));
    }

    @Test
    void aBuildKilledMidwayLeavesNothingThatTheNextBuildKeeps(@TempDir Path work) throws Exception {
        Path source = work.resolve("src");
        for (int i = 0; i < 300; i++) {
            LocalDate date = LocalDate.of(2015, 1, 2).plusWeeks(i);
            TestSites.write(source.resolve("content/" + date + ".md"), "# 第" + (i + 1) + "周 " + date
                    + "\n\n## 系统运行数据\n\n- 入金有效成功率：99." + (i % 100) + "%\n- 存量单" + i + "单\n");
        }
        Path logs = Files.createDirectories(work.resolve("logs"));
        Process build = ChildJvm.start(logs, work, "build", "--source", "src", "--output", "site");
        boolean seen = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen && build.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> siblings = Files.list(work)) {
                seen = siblings.anyMatch(p -> p.getFileName().toString().startsWith(".site.building-")
                        && Files.exists(p.resolve("site/index.html")));
            }
            Thread.sleep(5);
        }
        assertTrue(seen, "the build's work folder was seen before it finished: " + Files.readString(logs.resolve("stderr.txt")));
        build.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(build.waitFor(30, TimeUnit.SECONDS));

        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("site"))).written());
        try (Stream<Path> siblings = Files.list(work)) {
            assertEquals(List.of("logs", "site", "src"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
