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

/** {@code build} keeps a cache only where told: by default it writes nothing outside its output folder. */
class BuildCacheOptionsTest {

    @Test
    void theCacheIsKeptOnlyWhereSaid(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        assertEquals(0, build("--source", source.toString(), "--output", dir.resolve("site").toString()));
        assertEquals(0, build("--source", source.toString(), "--output", dir.resolve("b").toString(), "--cache", dir.resolve(".b.cache").toString()));
        assertTrue(Files.isRegularFile(dir.resolve(".b.cache/build-cache.txt")));
        assertFalse(Files.exists(dir.resolve("b/.b.cache")), "never inside the published site");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".b.cache", "b", "site", "src"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "nothing beside site, the cache only where --cache said");
        }
    }

    private static int build(String... args) {
        String[] all = Stream.concat(Stream.of("build"), Stream.of(args)).toArray(String[]::new);
        return Main.run(all, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
