package io.github.weeklyarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.BuildResult;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import io.github.weeklyarchive.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports without a date of their own are dated by the commit that added them, read from git in one pass. */
class GitDatesTest {

    @Test
    void theLogIsReadOldestFirstAndARenameKeepsTheFirstDate() {
        Map<String, LocalDate> added = GitDates.parse(List.of(
                "\0" + "2024-01-05", "", "A\tissue-1.md", "A\tdraft.md",
                "\0" + "2024-01-12", "", "A\tissue-2.md", "R087\tdraft.md\tissue-0.md",
                "\0" + "2024-02-01", "", "A\tissue-1.md"));
        assertEquals(Map.of("issue-1.md", LocalDate.of(2024, 1, 5), "issue-2.md", LocalDate.of(2024, 1, 12),
                "issue-0.md", LocalDate.of(2024, 1, 5)), added);
    }

    @Test
    void anUndatedArchiveInGitBuildsWithTheDatesItsFilesWereAdded(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        Path content = Files.createDirectories(site.resolve("docs"));
        TestSites.write(site.resolve("jbake.properties"), "content.folder=docs\n");
        git(site, null, "init", "-q");
        TestSites.write(content.resolve("issue-1.md"), "# 科技爱好者周刊（第 1 期）\n\n- 正文\n");
        commit(site, "2019-05-10");
        TestSites.write(content.resolve("issue-2.md"), "# 科技爱好者周刊（第 2 期）\n\n- 正文\n");
        TestSites.write(content.resolve("notes/draft.md"), "# 第 3 期\n\n- 草稿\n");
        commit(site, "2019-05-17");
        git(site, null, "mv", "docs/notes/draft.md", "docs/issue-3.md");
        commit(site, "2019-05-24");

        BuildResult built = SiteBuilder.build(BuildOptions.of(site, dir.resolve("out")));

        List<Problem> errors = built.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), built.problems().toString());
        assertTrue(errors.get(0).message().contains("are both dated 2019-05-17"), "issue-2 and the renamed draft share a commit date: " + errors);
        assertTrue(errors.get(0).toString().startsWith("docs/issue-3.md:1: error: this report (dated by the commit that added it) and "
                + "docs/issue-2.md (dated by the commit that added it)"), errors.get(0).toString());
        assertTrue(errors.get(0).message().contains("both were added to git that day, so give each a date: line in front matter"), errors.get(0).message());

        Files.writeString(content.resolve("issue-3.md"), "---\ndate: 2019-05-24\n---\n# 第 3 期\n\n- 草稿\n");
        BuildResult fixed = SiteBuilder.build(BuildOptions.of(site, dir.resolve("out")));
        assertTrue(fixed.written(), fixed.problems().toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/2019/2019-05-10.html")));
        assertTrue(Files.isRegularFile(dir.resolve("out/2019/2019-05-17.html")));
        assertTrue(Files.readString(dir.resolve("out/2019/2019-05-10.html")).contains("第 1 期"));
    }

    @Test
    void outsideGitAnUndatedReportIsAnErrorThatNamesTheGitOption(@TempDir Path dir) throws Exception {
        TestSites.write(dir.resolve("content/issue-1.md"), "# 科技爱好者周刊（第 1 期）\n");
        BuildResult result = SiteBuilder.build(BuildOptions.of(dir, dir.resolve("out")));
        assertFalse(result.written());
        assertTrue(result.problems().get(0).message().contains("commit the file to git"), result.problems().toString());
    }

    private static void commit(Path repo, String date) throws IOException, InterruptedException {
        git(repo, null, "add", "-A");
        git(repo, date + "T12:00:00+00:00", "commit", "-q", "-m", "week");
    }

    private static void git(Path repo, String date, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (date != null) {
            builder.environment().put("GIT_AUTHOR_DATE", date);
            builder.environment().put("GIT_COMMITTER_DATE", date);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + ": " + output);
    }
}
