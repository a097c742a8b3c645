package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalFormTest {

    /**
     * The characters passed over without the normaliser, every one of them: unchanged by NFKC alone, after and
     * before characters of every kind that compose (a combining accent, a kana voicing mark, Hangul jamo), and in
     * a run of their own kind.
     */
    @Test
    void everyCharacterPassedOverIsOneNfkcLeavesAsItIsWhereverItStands() {
        List<String> neighbours = List.of("", "A", "e", "中", "\u0301", "\u3099", "\u1100", "\u1161", "\u11A8", "가", "ｶ", "\uFF9E", "\u0B47", "\u0B3E");
        int stable = 0;
        for (int code = 0; code <= 0xFFFF; code++) {
            char c = (char) code;
            if (!NormalForm.isStable(c)) {
                continue;
            }
            stable++;
            String alone = String.valueOf(c);
            for (String other : neighbours) {
                assertEquals(Normalizer.normalize(other, Normalizer.Form.NFKC) + alone, Normalizer.normalize(other + alone, Normalizer.Form.NFKC),
                        () -> "U+" + Integer.toHexString(alone.charAt(0)) + " after " + other);
                if (NormalForm.isStable(other.isEmpty() ? 'a' : other.charAt(0))) {
                    assertEquals(alone + other, Normalizer.normalize(alone + other, Normalizer.Form.NFKC), () -> "U+" + Integer.toHexString(alone.charAt(0)) + " before " + other);
                }
            }
        }
        assertEquals(128 + (0x9FFF - 0x4E00 + 1) + 2 + 10 + 5, stable);
    }

    /**
     * The characters made ASCII without the normaliser: each as NFKC makes it, alone, between stable characters of
     * every kind, beside another of its kind, and before a combining accent (which sends the line to the normaliser).
     */
    @Test
    void everyFullWidthCharacterIsMadeWhatNfkcMakesItAmongStableCharacters() {
        List<String> neighbours = List.of("", "A", "e", ":", "中", "【", "。", "\u201C", "\uFF0C", "\u3000");
        int mapped = 0;
        for (int code = 0; code <= 0xFFFF; code++) {
            char c = (char) code;
            if (!NormalForm.isFullWidthAscii(c)) {
                continue;
            }
            mapped++;
            String alone = String.valueOf(c);
            for (String before : neighbours) {
                for (String after : neighbours) {
                    String text = before + alone + after;
                    assertEquals(Normalizer.normalize(text, Normalizer.Form.NFKC), NormalForm.compatible(text),
                            () -> "U+" + Integer.toHexString(c) + " in " + text);
                }
            }
            String accented = alone + "\u0301";
            assertEquals(Normalizer.normalize(accented, Normalizer.Form.NFKC), NormalForm.compatible(accented));
        }
        assertEquals(0xFF5E - 0xFF01 + 1 + 1, mapped);
    }

    @Test
    void fullWidthFormsAndTheIdeographicSpaceAreStillMadeAscii() {
        assertEquals("成功率:99.98%,2023 (上周)", NormalForm.compatible("成功率：９９.９８％，２０２３\u3000（上周）"));
        assertEquals("\u00E9 ", NormalForm.compatible("e\u0301\u00A0"), "an accent is composed, a no-break space made a space");
        String plain = "【系统运行数据】入金有效成功率82.7%、《说明》。";
        assertSame(plain, NormalForm.compatible(plain), "a line that NFKC leaves as it is is not copied");
    }
}
