package io.github.weeklyarchive.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bytes of a report file turned into clean text: strict UTF-8, no byte order mark, LF line ends.
 * Anything that had to be cleaned is reported, so the author learns about it once instead of never.
 *
 * @param text     the decoded text, empty when the bytes were not UTF-8
 * @param problems what was cleaned (warnings) or could not be read (an error)
 */
public record SourceText(Optional<String> text, List<Problem> problems) {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public SourceText {
        problems = List.copyOf(problems);
    }

    /** Decodes {@code bytes} read from {@code path}; never throws for bad input. */
    public static SourceText decode(String path, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        int start = 0;
        if (startsWith(bytes, UTF8_BOM)) {
            start = UTF8_BOM.length;
            problems.add(Problem.warning(path, 1,
                    "the file starts with a byte order mark (BOM), which was ignored; save it as UTF-8 without BOM"));
        }
        String decoded;
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            decoded = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes, start);
            problems.add(Problem.error(path, lineOfByte(bytes, bad), String.format(
                    "not valid UTF-8 (byte 0x%02X at offset %d); the file was skipped. "
                            + "Save it as UTF-8 (most editors: \"Save with encoding\" > UTF-8)",
                    bytes[bad] & 0xFF, bad)));
            return new SourceText(Optional.empty(), problems);
        }
        if (decoded.indexOf('\r') >= 0) {
            // Windows (CRLF) and old Mac (CR) line ends are read as LF without a word: Git on Windows writes CRLF
            // by default, and a warning on every such file is noise that hides the warnings that matter.
            decoded = decoded.replace("\r\n", "\n").replace('\r', '\n');
        }
        return new SourceText(Optional.of(decoded), problems);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
    static int firstInvalidByte(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            if (length == 0 || i + length > bytes.length) {
                return i;
            }
            for (int k = 1; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            // The decoder also refuses overlong, surrogate and out-of-range sequences: re-check them strictly.
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, i, length));
            } catch (CharacterCodingException e) {
                return i;
            }
            i += length;
        }
        return Math.min(from, bytes.length - 1);
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

}
