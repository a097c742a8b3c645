package io.github.weeklyarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.yaml is read once for the metric and the commitment stages: each mistake is reported once, at its line. */
class MetricsYamlTest {

    private static List<String> problemsOf(Path source) {
        return SiteBuilder.load(source, false).problems().stream().filter(p -> p.path().equals("metrics.yaml")).map(Problem::toString).toList();
    }

    @Test
    void eachStageReportsItsOwnMistakeAtItsLineAndASyntaxErrorIsReportedOnce(@TempDir Path work) throws Exception {
        Path source = TestSites.threeWeeks(work.resolve("src"));
        Files.writeString(source.resolve("metrics.yaml"), "metrics:\n  - name: 成功率\n    better: upward\ncommitments:\n  enabled: maybe\n");
        assertEquals(List.of("metrics.yaml:3: error: better: is 'higher' or 'lower', not 'upward'",
                "metrics.yaml:5: error: enabled: is true or false, not 'maybe'"), problemsOf(source));

        Files.writeString(source.resolve("metrics.yaml"), "metrics:\n  - name: [unclosed\ncommitments:\n  enabled: false\n");
        List<String> broken = problemsOf(source);
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).matches("metrics\\.yaml:[2-4]: error: not valid YAML .*"), broken.get(0));
    }
}
