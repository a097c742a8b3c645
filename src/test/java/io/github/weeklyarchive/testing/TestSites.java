package io.github.weeklyarchive.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Site folders for tests: the real sample report with the week before and the week after it,
 * written the way real reports arrive (front matter, a non-ASCII file name, raw HTML and markup quoted as code in the text),
 * and a metrics.yaml that names one metric.
 */
public final class TestSites {

    public static final String SAMPLE = "content/2023/2023-02-24-week09.md";
    public static final String INJECTION = "\"><img src=\"javascript:window.__injected=1\" onerror=\"window.__injected=1\">";

    private TestSites() {
    }

    /** Writes a three-week site into {@code dir} and returns {@code dir}. */
    public static Path threeWeeks(Path dir) throws IOException {
        Path content = Files.createDirectories(dir.resolve("content/2023"));
        Files.write(content.resolve("2023-02-24-week09.md"), Sample.bytes());
        write(content.resolve("2023-02-17.md"), """
                ---
                tags: [支付, 数仓]
                ---
                # 第08周 2023-02-17

                # 上周进展

                ## 【系统运行数据】

                - 入金有效成功率：99.96%
                - 出金有效成功率：99.93%

                ## 【生产稳定性事件】

                - 本周无
                """);
        write(Files.createDirectories(content.resolve("三月")).resolve("第10周.md"), """
                ---
                tags: [支付]
                ---
                # 第10周 2023-03-03

                # 上周进展

                ## 【系统运行数据】

                - 入金有效成功率：99.99%

                ## 【安全】

                - 报告里写了 <script>window.__injected=1</script> 这样的代码
                - 还有 INJECTION 这样的属性注入
                - 写在代码里的 `<script>window.__injected=1</script>` 和 `INJECTION` 照原样显示
                """.replace("INJECTION", INJECTION));
        write(dir.resolve("metrics.yaml"), """
                metrics:
                  - name: 入金有效成功率
                    id: deposit-success
                    target: ">= 99.95"
                    better: higher
                """);
        return dir;
    }

    /**
     * The three-week site and two more weeks that carry the sample's project on (a series needs reports in a
     * row), so that the site has every kind of page: weeks, tags, metrics, incidents, and a project with its
     * progress bars.
     */
    public static Path everyKindOfPage(Path dir) throws IOException {
        threeWeeks(dir);
        String[][] weeks = {{"2023-03-10", "第11周", "52.5", "81", "41"}, {"2023-03-17", "第12周", "55", "84.5", "47"}};
        for (String[] week : weeks) {
            write(dir.resolve("content/2023/" + week[0] + ".md"), """
                    # WEEK DATE

                    # 上周进展

                    ## 【O2系统升级】

                    ### C. HIVE标准数仓建设

                    - Hive数仓建设总进度：TOTAL%，采集和建模进度（16个业务域）：MODEL%，迁移进度（总数164个）：MOVED%。
                    """.replace("WEEK", week[1]).replace("DATE", week[0]).replace("TOTAL", week[2]).replace("MODEL", week[3])
                    .replace("MOVED", week[4]));
        }
        return dir;
    }

    /**
     * The sample report and four weeks after it (src/test/resources/commitments) that say what became of its dated
     * promises: kept on time, kept late, slipped twice, moved, and silent past the due date.
     */
    public static Path followedCommitments(Path dir) throws IOException {
        Path content = Files.createDirectories(dir.resolve("content/2023"));
        Files.write(content.resolve("2023-02-24-week09.md"), Sample.bytes());
        for (String date : java.util.List.of("2023-03-03", "2023-03-10", "2023-03-17", "2023-04-07")) {
            try (java.io.InputStream in = TestSites.class.getResourceAsStream("/commitments/" + date + ".md")) {
                Files.write(content.resolve(date + ".md"), in.readAllBytes());
            }
        }
        return dir;
    }

    /** The text of {@code file} with {@code from} replaced by {@code to}; fails the test if the file has no {@code from}. */
    public static String replaced(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(from), file + " has " + from);
        return text.replace(from, to);
    }

    /** A built-in template's text, to write a site's own template from it. */
    public static String builtInTemplate(String name) throws IOException {
        return Files.readString(Path.of("templates", name));
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
