package io.github.weeklyarchive.report;

import java.text.Normalizer;

/**
 * The one place text is brought to Unicode compatibility form (NFKC) before it is matched: full-width
 * digits and letters ({@code ２０２３}, {@code ％}, {@code ：}, {@code （）}) become their ASCII forms, so the
 * date finder, heading anchors, metric extraction and search all read a report the same way.
 */
public final class NormalForm {

    private NormalForm() {
    }

    /**
     * NFKC of {@code text}; the same string when every character is one NFKC leaves as it is whatever stands
     * beside it (see {@link #isStable}): plain ASCII, which most lines of code and numbers are, and Chinese
     * written without full-width punctuation. The build asks this of every line, several times.
     */
    public static String compatible(String text) {
        int first = 0;
        while (first < text.length() && isStable(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        // Chinese prose is mostly stable characters and full-width punctuation (，：；（）％): NFKC makes each of those
        // its ASCII twin, which is done here in one copy; anything else goes to the normaliser.
        char[] chars = null;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isFullWidthAscii(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = c == IDEOGRAPHIC_SPACE ? ' ' : (char) (c - FULL_WIDTH_OFFSET);
            } else if (!isStable(c)) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return new String(chars);
    }

    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    /** U+FF01..U+FF5E are U+0021..U+007E written wide. */
    private static final int FULL_WIDTH_OFFSET = 0xFF01 - 0x21;

    /**
     * Whether NFKC makes {@code c} an ASCII character on its own, the same wherever it stands among stable characters:
     * the full-width forms of ASCII and the ideographic space. Each is a starter whose compatibility mapping is one
     * ASCII character, and no ASCII character composes with a stable neighbour.
     */
    static boolean isFullWidthAscii(char c) {
        return c >= 0xFF01 && c <= 0xFF5E || c == IDEOGRAPHIC_SPACE;
    }

    /**
     * Whether NFKC keeps {@code c}, and a string of such characters, unchanged: ASCII, the CJK unified ideographs,
     * the CJK brackets and stops, curly quotes and the em dash. None has a decomposition, none combines with the
     * character before it (Quick_Check Yes, combining class 0), so no string of them changes. Full-width forms
     * ({@code ，：％}) and the ideographic space are made ASCII ({@link #isFullWidthAscii}); everything else goes to
     * {@link Normalizer}.
     */
    static boolean isStable(char c) {
        return c < 0x80
                || c >= 0x4E00 && c <= 0x9FFF // CJK Unified Ideographs
                || c == 0x3001 || c == 0x3002 // 、。
                || c >= 0x3008 && c <= 0x3011 // 〈〉《》「」『』【】
                || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D; // — ‘ ’ “ ”
    }
}
