package io.github.weeklyarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.ChildJvm;
import io.github.weeklyarchive.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void buildWritesTheSiteAndSaysWhatItDid(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Run run = run("build", "--source", source.toString(), "--output", dir.resolve("out").toString(), "--base-url", "https://example.org/r/");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("built 3 weeks into " + dir.resolve("out")), run.out());
        assertTrue(Files.readString(dir.resolve("out/feed.xml")).contains("https://example.org/r/2023/2023-02-24.html"));
    }

    @Test
    void badInputGivesOnePathLineMessageEachAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        TestSites.write(source.resolve("content/dup.md"), "# 第09周 2023年2月24日\n");
        TestSites.write(source.resolve("content/bad-front.md"), "---\ntitle: [unclosed\n---\n# 第11周 2023-03-10\n");
        Files.write(source.resolve("content/bom.md"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', '2', '0', '2', '3', '-', '0', '3', '-', '1', '7', '\r', '\n'});
        Run run = run("build", "--source", source.toString(), "--output", dir.resolve("out").toString());
        assertEquals(1, run.exitCode());
        List<String> lines = run.errLines();
        assertEquals(List.of(
                "content/bad-front.md:2: error",
                "content/bom.md:1: warning",
                "content/dup.md:1: error",
                "build failed (2 errors, 1 warning); " + dir.resolve("out") + " was left unchanged"),
                lines.stream().map(l -> l.replaceFirst("^(\\S+:\\d+: (error|warning)):.*", "$1")).toList());
        assertTrue(lines.get(2).contains("are both dated 2023-02-24"), lines.get(2));
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void checkReportsWithoutWriting(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Run clean = run("check", "--source", source.toString());
        assertEquals(0, clean.exitCode());
        assertEquals("checked 3 weeks: 0 errors, 0 warnings\n", clean.out());
        TestSites.write(source.resolve("content/undated.md"), "# 想法\n");
        Run dirty = run("check", "--source", source.toString());
        assertEquals(1, dirty.exitCode());
        assertTrue(dirty.err().startsWith("content/undated.md:1: error: no date found"), dirty.err());
    }

    @Test
    void checkRendersEveryPageAndFollowsEveryLinkWithoutWriting(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        TestSites.write(source.resolve("content/2023/2023-03-10.md"), """
                # 第11周 2023-03-10

                - 上周的[数据](2023-02-24.html#系统运行数据)和[首页](../index.html)都在，[前一周的文件](2023-02-17.md)也能点开
                - 截图见 [这里](missing.png)
                - 还有 [一节](#没有这一节) 和 [旧页](/2019/gone.html)

                ## Benchmark

                - 见 [上面](#Benchmark)
                """);
        List<Path> before = listAll(dir);
        Run links = run("check", "--source", source.toString());
        assertEquals(before, listAll(dir), "check wrote nothing");
        assertEquals(1, links.exitCode(), links.err());
        assertEquals(List.of(
                "content/2023/2023-03-10.md:4: error: the link 'missing.png' leads to 2023/missing.png, which the site does not have; "
                        + "correct the address, or add the file beside the report",
                "content/2023/2023-03-10.md:5: error: the link '#没有这一节' leads to the anchor #没有这一节, which this page does not have; "
                        + "correct the address, or add the file beside the report",
                "content/2023/2023-03-10.md:5: error: the link '/2019/gone.html' leads to 2019/gone.html, which the site does not have; "
                        + "correct the address, or add the file beside the report",
                "content/2023/2023-03-10.md:9: error: the link '#Benchmark' leads to the anchor #Benchmark, which this page does not have "
                        + "(it has #benchmark: anchors are lower case); correct the address, or add the file beside the report"),
                links.errLines().stream().sorted().toList());

        Files.delete(source.resolve("content/2023/2023-03-10.md"));
        TestSites.write(source.resolve("templates/post.ftl"), "<#ftl output_format=\"HTML\">\n<p>\n${no.such.thing}\n");
        before = listAll(dir);
        Run template = run("check", "--source", source.toString());
        assertEquals(1, template.exitCode(), "a template that fails the build fails check too");
        assertTrue(template.err().startsWith("templates/post.ftl:3: error: template error: "), template.err());
        assertEquals(before, listAll(dir), "check wrote nothing");
    }

    private static List<Path> listAll(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void checkSpeaksGitHubAnnotationsForPullRequests(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        TestSites.write(source.resolve("content/undated, really.md"), "# 想法\n");
        Run run = run("check", "--source", source.toString(), "--format", "github");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("::error file=content/undated%2C really.md,line=1::no date found for this report"), run.err());
        assertEquals(2, run("check", "--source", source.toString(), "--format", "xml").exitCode(), "a wrong format is a usage error");
    }

    @Test
    void whatMustNotBePublishedFailsCheckAndBuildAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Path week = source.resolve("content/2023/2023-02-17.md");
        TestSites.write(week, Files.readString(week).replace("- 本周无", "- 2/15 商户投诉，联系人 13812345678 已回访"));
        Run github = run("check", "--source", source.toString(), "--format", "github");
        assertEquals(1, github.exitCode());
        assertTrue(github.err().startsWith("::error file=content/2023/2023-02-17.md,line=15,col=17::a mainland mobile number (138******78) "
                + "must not be published"), github.err());
        Run build = run("build", "--source", source.toString(), "--output", dir.resolve("out").toString());
        assertEquals(1, build.exitCode());
        assertTrue(build.err().startsWith("content/2023/2023-02-17.md:15:17: error: a mainland mobile number"), build.err());
        assertFalse(Files.exists(dir.resolve("out")));

        TestSites.write(source.resolve("jbake.properties"), "site.title=周报\ncheck.allow=mobile:138*\n");
        assertEquals(0, run("build", "--source", source.toString(), "--output", dir.resolve("out").toString()).exitCode(),
                "accepted by the site's settings");
        TestSites.write(source.resolve("jbake.properties"), "site.title=周报\ncheck.allow=phone\n");
        Run wrong = run("check", "--source", source.toString());
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().contains("jbake.properties:2: error: check.allow: 'phone' names no kind of finding"), wrong.err());
    }

    @Test
    void checkMetricsListsEverySeriesWithTheSourceLineOfEachValue(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Run run = run("check", "--metrics", "--source", source.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                入金有效成功率 (%): defined in metrics.yaml, 3 reports
                  2023-02-17  99.96%  content/2023/2023-02-17.md:10  入金有效成功率：99.96%
                  2023-02-24  99.98%  content/2023/2023-02-24-week09.md:13  入金有效成功率：99.98%
                  2023-03-03  99.99%  content/2023/三月/第10周.md:10  入金有效成功率：99.99%
                """), run.out());
        assertTrue(run.out().endsWith("checked 3 weeks: 0 errors, 0 warnings\n"), run.out());
    }

    @Test
    void aDateTheChartsCannotPlaceIsRefusedByCheckAndBuildAlike(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        TestSites.write(source.resolve("content/ancient.md"), "---\ndate: 0001-01-01\n---\n# 远古\n\n- 入金有效成功率：99.1%\n");
        Run check = run("check", "--source", source.toString());
        Run build = run("build", "--source", source.toString(), "--output", dir.resolve("out").toString());
        for (Run run : List.of(check, build)) {
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("content/ancient.md:2: error: the date 0001-01-01 is outside the years 1900-9999"), run.err());
        }
    }

    @Test
    void aTemplateMistakeIsOneLineOnStderrWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        TestSites.write(source.resolve("templates/post.ftl"), "<#ftl output_format=\"HTML\">\n<p>\n${no.such.thing}\n");
        Process build = ChildJvm.start(Files.createDirectories(dir.resolve("logs")), dir, "build", "--source", "src", "--output", "out");
        assertTrue(build.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, build.exitValue());
        List<String> err = Files.readAllLines(dir.resolve("logs/stderr.txt"));
        assertEquals(2, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith("templates/post.ftl:3: error: template error: "), err.get(0));
        assertTrue(err.get(1).startsWith("build failed (1 error, 0 warnings)"), err.get(1));
    }

    @Test
    void newContinuesFromTheLatestReportNeverOverwritesAndTheResultBuilds(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Run created = run("new", "--source", source.toString());
        assertEquals(0, created.exitCode(), created.err());
        Path file = source.resolve("content/2023/三月/第11周.md").toAbsolutePath().normalize();
        assertEquals(file + "\n", created.out(), "the path, beside the latest week and named after it");
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\ntags: [支付]\n---\n# 第11周 2023-03-10\n\n# 上周进展\n\n## 【系统运行数据】\n\n- 入金有效成功率：\n"), text);
        assertEquals(0, run("check", "--source", source.toString()).exitCode(), "an empty week is a valid report");

        Files.writeString(file, text + "\n- 作者已经写了一些\n");
        Run again = run("new", "--source", source.toString(), "--date", "2023-03-10");
        assertEquals(1, again.exitCode());
        assertEquals("content/2023/三月/第11周.md:1: error: the report for 2023-03-10 is already written; edit it, or choose another date "
                + "with --date\n", again.err());
        assertTrue(Files.readString(file).endsWith("- 作者已经写了一些\n"), "never overwritten");

        Run fromSample = run("new", "--source", source.toString(), "--from", source.resolve(TestSites.SAMPLE).toString(), "--date", "2023-03-17");
        assertEquals(0, fromSample.exitCode(), fromSample.err());
        String next = Files.readString(Path.of(fromSample.out().strip()));
        assertTrue(next.startsWith("# 第12周 2023-03-17\n"), "the sample's outline, the numbering continued from the latest\n" + next);
        assertTrue(next.contains("- [ ] 人才盘点第二阶段工作") && next.contains("3. 生产稳定性事件：\n- 本周无"), next);
        assertTrue(fromSample.out().strip().endsWith("2023-03-17-week12.md"), fromSample.out());
        Run badDate = run("new", "--source", source.toString(), "--date", "3/10");
        assertEquals(2, badDate.exitCode());
    }

    @Test
    void newOnAnEmptySiteWritesTheUsualOutline(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("content"));
        Run created = run("new", "--source", dir.toString(), "--date", "2023-03-10");
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(Files.readString(dir.resolve("content/2023/2023-03-10.md")).startsWith("# 第10周 2023-03-10\n"));
    }

    @Test
    void wrongUsageIsExplainedWithExitCodeTwo() {
        Run run = run("build", "--no-such-option");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
        assertTrue(run.err().contains("--base-url"), "usage follows: " + run.err());
    }
}
