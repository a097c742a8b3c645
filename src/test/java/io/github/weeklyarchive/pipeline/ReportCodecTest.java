package io.github.weeklyarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.ParsedReport;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.report.SourceText;
import io.github.weeklyarchive.testing.Sample;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The build cache keeps parsed reports as bytes: what comes back is the report the parser made, or nothing. */
class ReportCodecTest {

    @Test
    void theSampleComesBackEqualToItsParse() throws Exception {
        ParsedReport parsed = ReportParser.parse(Sample.PATH, SourceText.decode(Sample.PATH, Sample.bytes()), Optional::empty);
        assertTrue(parsed.report().isPresent());
        assertTrue(parsed.report().get().lines().size() > 50, "a real report, with its lines, sections and tables");
        assertEquals(parsed, ReportCodec.decode(ReportCodec.encode(parsed)));
    }

    @Test
    void damagedBytesAreRefusedNotTrusted() throws Exception {
        ParsedReport parsed = ReportParser.parse(Sample.PATH, SourceText.decode(Sample.PATH, Sample.bytes()), Optional::empty);
        byte[] bytes = ReportCodec.encode(parsed);
        assertThrows(ReportCodec.Invalid.class, () -> ReportCodec.decode(Arrays.copyOf(bytes, bytes.length / 2)), "cut short");
        byte[] extra = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(ReportCodec.Invalid.class, () -> ReportCodec.decode(extra), "bytes after the value");
        // A class that is not one of the tool's records is never made, whatever the bytes name.
        byte[] foreign = ReportCodec.encode(parsed);
        String text = new String(foreign, StandardCharsets.ISO_8859_1).replace("io.github.weeklyarchive.report.ParsedReport",
                "io.github.weeklyarchive.report.ReportParse_");
        assertThrows(ReportCodec.Invalid.class, () -> ReportCodec.decode(text.getBytes(StandardCharsets.ISO_8859_1)));
        byte[] java = ReportCodec.encode(parsed);
        String swapped = new String(java, StandardCharsets.ISO_8859_1).replace("io.github.weeklyarchive.report.ParsedReport",
                "java.util.concurrent.ConcurrentHashMap$Node");
        assertThrows(ReportCodec.Invalid.class, () -> ReportCodec.decode(swapped.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
