package io.github.weeklyarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.TestSites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} keeps its cache beside the output unless told where, or told to keep none. */
class BuildCacheOptionsTest {

    @Test
    void theCacheIsBesideTheOutputOrWhereSaidOrNowhere(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        assertEquals(0, build("--source", source.toString(), "--output", dir.resolve("site").toString()));
        assertTrue(Files.isRegularFile(dir.resolve(".site.cache/build-cache.txt")), "beside the output, hidden");
        assertFalse(Files.exists(dir.resolve("site/.site.cache")), "never inside the published site");

        assertEquals(0, build("--source", source.toString(), "--output", dir.resolve("b").toString(), "--cache", dir.resolve("kept").toString()));
        assertTrue(Files.isRegularFile(dir.resolve("kept/build-cache.txt")));

        assertEquals(0, build("--source", source.toString(), "--output", dir.resolve("c").toString(), "--without-cache"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".site.cache", "b", "c", "kept", "site", "src"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no cache for c, and nothing else left beside");
        }
    }

    private static int build(String... args) {
        String[] all = Stream.concat(Stream.of("build"), Stream.of(args)).toArray(String[]::new);
        return Main.run(all, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
