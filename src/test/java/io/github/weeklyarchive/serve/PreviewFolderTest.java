package io.github.weeklyarchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a serve killed with kill -9 left in the temporary folder is removed by the next one; nothing else is. */
class PreviewFolderTest {

    @Test
    void theNextServeRemovesTheFoldersOfDeadOnesAndOnlyThose(@TempDir Path tmp) throws Exception {
        Path dead = Files.createDirectories(tmp.resolve("weekly-archive-preview-123/site"));
        Files.writeString(dead.getParent().resolve(".weekly-archive"), "# a preview");
        Path notOurs = Files.createDirectories(tmp.resolve("weekly-archive-preview-someone-else"));
        Files.writeString(notOurs.resolve("notes.txt"), "keep");
        Path other = Files.createDirectories(tmp.resolve("unrelated"));

        PreviewFolder running = PreviewFolder.create(tmp);
        PreviewFolder second = PreviewFolder.create(tmp); // must not take the first one for a leftover

        assertFalse(Files.exists(dead.getParent()), "the dead serve's folder is gone");
        assertEquals("keep", Files.readString(notOurs.resolve("notes.txt")));
        assertTrue(Files.isDirectory(other));
        assertTrue(Files.isDirectory(running.site().getParent()), "a running serve's folder is kept");
        StringWriter err = new StringWriter();
        running.delete(new PrintWriter(err));
        second.delete(new PrintWriter(err));
        assertEquals("", err.toString());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("unrelated", "weekly-archive-preview-someone-else"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
