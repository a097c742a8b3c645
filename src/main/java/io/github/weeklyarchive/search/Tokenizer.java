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
 *   <li>Every Han character is a token, and so is every pair of Han characters next to each other
 *       ({@code 成功率} → {@code 成}, {@code 成功}, {@code 功}, {@code 功率}, {@code 率}): a query of one
 *       character looks up its unigram, a longer one its bigrams, so any substring is found like
 *       {@code grep} finds it, across word boundaries too.</li>
 *   <li>A word is a run of letters and digits of other scripts; anything else ends it
 *       ({@code tokio-console} → {@code tokio}, {@code console}; {@code 99.98} → {@code 99}, {@code 98}).
 *       A query word finds the words it begins, looked up in the sorted word list.</li>
 *   <li>Everything else separates tokens.</li>
 * </ol>
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static String normalize(String text) {
        return NormalForm.compatible(text).toLowerCase(Locale.ROOT);
    }

    /** The index's tokens of {@code text}, in order, repeats kept. */
    public static List<String> tokens(String text) {
        String s = normalize(text);
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isHan(cp)) {
                tokens.add(s.substring(i, next));
                if (next < s.length() && isHan(s.codePointAt(next))) {
                    tokens.add(s.substring(i, next + Character.charCount(s.codePointAt(next))));
                }
                i = next;
            } else if (isWord(cp)) {
                int start = i;
                i = next;
                while (i < s.length() && isWord(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                tokens.add(s.substring(start, i));
            } else {
                i = next;
            }
        }
        return tokens;
    }

    /** A word's first letter: found by a query word that begins with it. Han characters are not words. */
    public static boolean isWordToken(String token) {
        return !token.isEmpty() && isWord(token.codePointAt(0));
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean isWord(int cp) {
        return Character.isLetterOrDigit(cp) && !isHan(cp);
    }
}
