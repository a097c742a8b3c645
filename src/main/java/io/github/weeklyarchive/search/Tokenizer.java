package io.github.weeklyarchive.search;

import io.github.weeklyarchive.report.NormalForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one tokenizer specification of search, implemented here (index time) and in
 * {@code assets/js/search.js} (query time); both run the shared vectors in
 * {@code src/test/resources/search/tokenizer-vectors.json}.
 *
 * <ol>
 *   <li>Normalise: Unicode NFKC, then lower case (full-width {@code ＯＯＭ} is {@code oom}).</li>
 *   <li>A run of Han characters gives its overlapping bigrams ({@code 成功率} → {@code 成功}, {@code 功率});
 *       a single Han character stays itself. So any substring of two or more Han characters,
 *       across word boundaries too, is found like {@code grep} finds it.</li>
 *   <li>A run of letters and digits of other scripts is one token, keeping {@code . - _} between
 *       two of them ({@code 99.98}, {@code req-1234}, {@code hive}).</li>
 *   <li>Everything else separates tokens.</li>
 * </ol>
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static String normalize(String text) {
        return NormalForm.compatible(text).toLowerCase(Locale.ROOT);
    }

    public static List<String> tokens(String text) {
        String s = normalize(text);
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                int start = i;
                List<Integer> run = new ArrayList<>();
                while (i < s.length() && isHan(s.codePointAt(i))) {
                    run.add(s.codePointAt(i));
                    i += Character.charCount(s.codePointAt(i));
                }
                if (run.size() == 1) {
                    tokens.add(s.substring(start, i));
                } else {
                    for (int k = 0; k + 1 < run.size(); k++) {
                        tokens.add(new String(Character.toChars(run.get(k))) + new String(Character.toChars(run.get(k + 1))));
                    }
                }
            } else if (isWord(cp)) {
                int start = i;
                i += Character.charCount(cp);
                while (i < s.length()) {
                    int next = s.codePointAt(i);
                    if (isWord(next)) {
                        i += Character.charCount(next);
                    } else if ((next == '.' || next == '-' || next == '_') && i + 1 < s.length() && isWord(s.codePointAt(i + 1))) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                tokens.add(s.substring(start, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean isWord(int cp) {
        return Character.isLetterOrDigit(cp) && !isHan(cp);
    }
}
