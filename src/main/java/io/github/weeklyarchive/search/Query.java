package io.github.weeklyarchive.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a query means, the same in {@code assets/js/search.js} (which runs it) and here (where the
 * index test and the shared vectors check it).
 *
 * <p>A query is parts: text in double quotes ({@code "const generics"}, or {@code “…”}) is one part,
 * and so is each space-separated word outside quotes. A week matches when every part occurs in it,
 * each part within one line (the title, a heading, a paragraph or list item). A part occurs where its
 * text, normalised and with runs of spaces read as one, stands in the line; when it begins with a
 * letter or digit (not Han), only at the start of a word. So {@code tokio} finds {@code tokio-console}
 * and {@code Tokio-based} but not {@code gotokio}, {@code transaction} finds {@code transactions},
 * {@code "const generics"} finds the two words next to each other in that order, and {@code 书}
 * finds every line with that character, as {@code grep} would.
 *
 * @param parts the parts, normalised; empty when the query has nothing to search for
 */
public record Query(List<Part> parts) {

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * One part and the index look-ups that find the lines that may hold it: a superset, which the
     * client narrows to the lines that do by reading them.
     *
     * @param text    normalised, spaces collapsed
     * @param lookups Han characters (with the bigrams they begin) or bigrams, and whole words; the last word is a prefix when the part ends with it
     * @param quoted  typed in quotes
     */
    public record Part(String text, List<Lookup> lookups, boolean quoted) {
        public Part {
            lookups = List.copyOf(lookups);
        }
    }

    /** A token to look up: exactly, or every token it begins (a word's longer words, a Han character's bigrams). */
    public record Lookup(String token, boolean prefix) {
    }

    public Query {
        parts = List.copyOf(parts);
    }

    public static Query parse(String query) {
        String s = Tokenizer.normalize(query);
        List<Part> parts = new ArrayList<>();
        StringBuilder outside = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isQuote(c)) {
                int end = i + 1;
                while (end < s.length() && !isQuote(s.charAt(end))) {
                    end++;
                }
                addWords(outside.toString(), parts);
                outside.setLength(0);
                addPart(s.substring(i + 1, end), true, parts);
                i = end + 1;
            } else {
                outside.append(c);
                i++;
            }
        }
        addWords(outside.toString(), parts);
        return new Query(parts);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”';
    }

    private static void addWords(String text, List<Part> parts) {
        for (String word : SPACES.split(text)) {
            addPart(word, false, parts);
        }
    }

    private static void addPart(String text, boolean quoted, List<Part> parts) {
        String collapsed = collapse(text);
        List<Lookup> lookups = lookups(collapsed);
        if (!lookups.isEmpty()) {
            parts.add(new Part(collapsed, lookups, quoted));
        }
    }

    /** Runs of white space as one space, none at the ends: how both a part and a line are compared. */
    public static String collapse(String normalized) {
        return SPACES.matcher(normalized).replaceAll(" ").strip();
    }

    /**
     * A lone Han character is a prefix: its own list and the bigrams it begins (the index keeps a
     * character's own list only where no such bigram is); a run of them all its bigrams (成功率 → 成功, 功率: a passage
     * must hold every pair, which leaves few that hold them apart, each of which costs a fetch); a word is
     * looked up whole, but as a prefix when the part ends with it.
     */
    static List<Lookup> lookups(String part) {
        Set<Lookup> lookups = new LinkedHashSet<>();
        int i = 0;
        while (i < part.length()) {
            int cp = part.codePointAt(i);
            if (Tokenizer.isHan(cp)) {
                List<String> run = new ArrayList<>();
                while (i < part.length() && Tokenizer.isHan(part.codePointAt(i))) {
                    int n = Character.charCount(part.codePointAt(i));
                    run.add(part.substring(i, i + n));
                    i += n;
                }
                if (run.size() == 1) {
                    lookups.add(new Lookup(run.get(0), true));
                }
                for (int k = 0; k + 1 < run.size(); k++) {
                    lookups.add(new Lookup(run.get(k) + run.get(k + 1), false));
                }
            } else if (Tokenizer.isWord(cp)) {
                int start = i;
                while (i < part.length() && Tokenizer.isWord(part.codePointAt(i))) {
                    i += Character.charCount(part.codePointAt(i));
                }
                lookups.add(new Lookup(part.substring(start, i), i == part.length()));
            } else {
                i += Character.charCount(cp);
            }
        }
        return new ArrayList<>(lookups);
    }

    /** Whether {@code part} occurs in {@code line} (both normalised and collapsed), at a word start if it begins with a word. */
    public static boolean occursIn(String part, String line) {
        boolean wordStart = Tokenizer.isWord(part.codePointAt(0));
        for (int at = line.indexOf(part); at >= 0; at = line.indexOf(part, at + 1)) {
            if (!wordStart || at == 0 || !Tokenizer.isWord(line.codePointBefore(at))) {
                return true;
            }
        }
        return false;
    }
}
