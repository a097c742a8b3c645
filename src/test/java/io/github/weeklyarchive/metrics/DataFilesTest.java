package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFilesTest {

    @Test
    void csvFieldsAreQuotedAsRfc4180Says() {
        assertEquals("\"a,b\"", DataFiles.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", DataFiles.field("say \"hi\""));
        assertEquals("\"two\nlines\"", DataFiles.field("two\nlines"));
        assertEquals("入金，出金", DataFiles.field("入金，出金"), "a Chinese comma needs no quotes");
        assertEquals("2023-02-24,,99.98\r\n", DataFiles.csvLine(List.of("date", "week", "value"), Map.of("date", "2023-02-24", "value", "99.98")));
    }
}
