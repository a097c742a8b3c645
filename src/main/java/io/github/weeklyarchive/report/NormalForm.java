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

    /** NFKC of {@code text}; the same string when it is plain ASCII, which most lines of code and numbers are. */
    public static String compatible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }
}
