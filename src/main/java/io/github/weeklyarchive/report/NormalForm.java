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
        for (int i = 0; i < text.length(); i++) {
            if (!isStable(text.charAt(i))) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    /**
     * Whether NFKC keeps {@code c}, and a string of such characters, unchanged: ASCII, the CJK unified ideographs
     * and the CJK brackets and stops. None has a decomposition, none combines with the character before it
     * (Quick_Check Yes, combining class 0), so no string of them changes. Full-width forms ({@code ，：％}), the
     * ideographic space and everything else go to {@link Normalizer}.
     */
    static boolean isStable(char c) {
        return c < 0x80
                || c >= 0x4E00 && c <= 0x9FFF // CJK Unified Ideographs
                || c == 0x3001 || c == 0x3002 // 、。
                || c >= 0x3008 && c <= 0x3011; // 〈〉《》「」『』【】
    }
}
