package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cleanUtf8PassesUntouchedAndSilently() {
        SourceText text = SourceText.decode("content/a.md", utf8("# 第09周\n"));
        assertEquals(Optional.of("# 第09周\n"), text.text());
        assertEquals(List.of(), text.problems());
    }

    @Test
    void aByteOrderMarkIsDroppedWithAWarning() {
        byte[] withBom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', 'a'};
        SourceText text = SourceText.decode("content/a.md", withBom);
        assertEquals(Optional.of("# a"), text.text());
        assertEquals("content/a.md:1: warning: the file starts with a byte order mark (BOM), which was ignored; "
                + "save it as UTF-8 without BOM", text.problems().get(0).toString());
    }

    @Test
    void crlfAndLoneCrBecomeLfWithoutAWarningSinceGitOnWindowsWritesThem() {
        SourceText text = SourceText.decode("content/a.md", utf8("# a\nb\r\nc\r\nd\re"));
        assertEquals(Optional.of("# a\nb\nc\nd\ne"), text.text());
        assertEquals(List.of(), text.problems());
    }

    @Test
    void invalidUtf8IsAnErrorOnTheLineOfTheFirstBadByte() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(utf8("# 第09周 2023-02-24\n\n- 成功率"));
        bytes.write(new byte[] {(byte) 0xB3, (byte) 0xC9}); // "成" in GBK: what a Windows editor may save
        bytes.write(utf8("\n"));
        SourceText text = SourceText.decode("content/gbk.md", bytes.toByteArray());
        assertEquals(Optional.empty(), text.text());
        String line = text.problems().get(0).toString();
        assertTrue(line.startsWith("content/gbk.md:3: error: not valid UTF-8 (byte 0xB3 at offset 34)"), line);
    }

    @Test
    void theSampleWithBomAndCrlfParsesLikeTheSample() throws Exception {
        byte[] sample = io.github.weeklyarchive.testing.Sample.bytes();
        String windows = new String(sample, StandardCharsets.UTF_8).replace("\n", "\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(utf8(windows));
        ParsedReport plain = ReportParser.parse("content/w.md", sample);
        ParsedReport messy = ReportParser.parse("content/w.md", bytes.toByteArray());
        assertEquals(plain.report(), messy.report());
        assertEquals(1, messy.problems().size(), "the BOM is worth a word, the line ends are not: " + messy.problems());
    }
}
