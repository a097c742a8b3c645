package io.github.weeklyarchive.search;

import io.github.weeklyarchive.report.NormalForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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
        List<String> tokens = new ArrayList<>();
        forEachToken(text, true, tokens::add);
        return tokens;
    }

    /**
     * Gives the tokens of {@code text} to {@code sink}, in order, repeats kept, with no list for a whole
     * passage. With {@code everyCharacter} false, a Han character is given only where no Han character
     * follows it: the index keeps a character's own list only where no bigram it begins is (the bigram
     * stands for it), and needs no more to know where that is.
     */
    public static void forEachToken(String text, boolean everyCharacter, Consumer<String> sink) {
        String s = normalize(text);
        int i = 0;
        int cp = s.isEmpty() ? 0 : s.codePointAt(0);
        boolean han = isHan(cp);
        while (i < s.length()) {
            int next = i + Character.charCount(cp);
            if (han) {
                boolean bigram = false;
                if (next < s.length()) {
                    cp = s.codePointAt(next);
                    han = isHan(cp); // read once: the next character's class is the next round's
                    bigram = han;
                }
                if (everyCharacter || !bigram) {
                    sink.accept(s.substring(i, next));
                }
                if (bigram) {
                    sink.accept(s.substring(i, next + Character.charCount(cp)));
                }
                i = next;
            } else if (isWord(cp)) {
                int start = i;
                i = next;
                while (i < s.length() && isWord(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                sink.accept(s.substring(start, i));
                if (i < s.length()) {
                    cp = s.codePointAt(i);
                    han = isHan(cp);
                }
            } else {
                i = next;
                if (i < s.length()) {
                    cp = s.codePointAt(i);
                    han = isHan(cp);
                }
            }
        }
    }

    /** A word's first letter: found by a query word that begins with it. Han characters are not words. */
    public static boolean isWordToken(String token) {
        return !token.isEmpty() && isWord(token.codePointAt(0));
    }

    /**
     * Whether the Basic Multilingual Plane's characters are Han, looked up once: the tokenizer asks of
     * every character, and {@link Character.UnicodeScript#of} searches a table of ranges each time.
     */
    private static final boolean[] HAN_IN_BMP = new boolean[0x10000];

    static {
        for (int cp = 0; cp < HAN_IN_BMP.length; cp++) {
            HAN_IN_BMP[cp] = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        }
    }

    static boolean isHan(int cp) {
        return cp < HAN_IN_BMP.length ? HAN_IN_BMP[cp] : Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean isWord(int cp) {
        return Character.isLetterOrDigit(cp) && !isHan(cp);
    }
}
