package io.github.weeklyarchive.commitments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.BuildResult;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import io.github.weeklyarchive.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switch in metrics.yaml, and a mistake there, as a user meets them through a build. */
class CommitmentsSiteTest {

    @Test
    void turnedOffInMetricsYamlTheSiteHasNoTraceOfCommitments(@TempDir Path work) throws Exception {
        Path source = TestSites.followedCommitments(work.resolve("src"));
        TestSites.write(source.resolve("metrics.yaml"), "commitments:\n  enabled: false\n");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("out"))).written());
        Path out = work.resolve("out");
        assertFalse(Files.exists(out.resolve("commitments/index.html")));
        assertFalse(Files.exists(out.resolve("data/commitments.csv")));
        assertFalse(Files.readString(out.resolve("index.html")).contains("commitments"));
        assertFalse(Files.readString(out.resolve("2023/2023-03-03.html")).contains("due-this-week"));
    }

    @Test
    void aMistakeInTheConfigurationIsAnErrorAtItsLine(@TempDir Path work) throws Exception {
        Path source = TestSites.followedCommitments(work.resolve("src"));
        TestSites.write(source.resolve("metrics.yaml"), "incidents:\n  headings: [生产事件]\ncommitments:\n  verbs: 割接\n");
        BuildResult result = SiteBuilder.build(BuildOptions.of(source, work.resolve("out")));
        assertFalse(result.written());
        assertEquals(List.of("metrics.yaml:4: error: verbs: is a list of words, such as [上线, 完成]"),
                result.problems().stream().map(Object::toString).toList());
    }

    @Test
    void theDataFileHasOneRowPerDueDateOfEachCommitment(@TempDir Path work) throws Exception {
        Path source = TestSites.followedCommitments(work.resolve("src"));
        assertTrue(SiteBuilder.build(BuildOptions.of(source, work.resolve("out"))).written());
        List<String> rows = Files.readAllLines(work.resolve("out/data/commitments.csv"));
        assertEquals("subject,action,made,due,status,resolved,source", rows.get(0));
        assertEquals(11, rows.size(), "7 commitments: one slipped twice (3 rows), one moved once (2 rows)");
        assertTrue(rows.contains("履约1.0切换支付2.0,切量完成,2023-02-24,2023-03-16,overdue,,content/2023/2023-02-24-week09.md:46"), rows.toString());
    }
}
