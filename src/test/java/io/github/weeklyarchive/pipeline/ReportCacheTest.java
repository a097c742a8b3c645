package io.github.weeklyarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve relies on: a rebuild re-parses only the files that changed, and sees every change. */
class ReportCacheTest {

    @Test
    void aRebuildParsesOnlyTheEditedWeekAndShowsTheEdit(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Path output = dir.resolve("out");
        ReportCache cache = ReportCache.keeping();
        BuildOptions options = new BuildOptions(source, output, Optional.of("/"), false, true, cache);

        assertTrue(SiteBuilder.build(options).written());
        assertEquals(3, cache.parsedCount());
        assertTrue(SiteBuilder.build(options).written());
        assertEquals(3, cache.parsedCount(), "nothing changed, nothing parsed");

        Path week = source.resolve("content/2023/2023-02-17.md");
        Files.writeString(week, Files.readString(week) + "- 新增：一行\n");
        Files.setLastModifiedTime(week, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertTrue(SiteBuilder.build(options).written());
        assertEquals(4, cache.parsedCount());
        assertTrue(Files.readString(output.resolve("2023/2023-02-17.html")).contains("新增：一行"));

        // The figures too: only the edited week's are extracted again, and they are a fresh build's.
        int extracted = cache.extractions().extractedCount();
        Files.writeString(week, Files.readString(week).replace("入金有效成功率：99.96%", "入金有效成功率：99.11%"));
        Files.setLastModifiedTime(week, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertTrue(SiteBuilder.build(options).written());
        assertEquals(extracted + 1, cache.extractions().extractedCount());
        Path fresh = dir.resolve("fresh");
        assertTrue(SiteBuilder.build(new BuildOptions(source, fresh, Optional.of("/"), false, true, ReportCache.none())).written());
        assertTrue(Files.readString(output.resolve("data/metrics.csv")).contains("99.11"));
        assertEquals(Files.readString(fresh.resolve("data/metrics.csv")), Files.readString(output.resolve("data/metrics.csv")));
        assertEquals(Files.readString(fresh.resolve("metrics/index.html")), Files.readString(output.resolve("metrics/index.html")));

        Files.delete(week);
        assertTrue(SiteBuilder.build(options).written());
        assertFalse(Files.exists(output.resolve("2023/2023-02-17.html")));
        assertEquals(5, cache.parsedCount(), "a deleted file is not parsed");
    }
}
