package io.github.weeklyarchive.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The anchors GitHub gives a Markdown file's headings (its github-slugger): lower case, every character that is not
 * a letter (letter-like symbols such as Ⓐ too), a mark, a digit, an underscore, a hyphen or a space taken out (so
 * circled numbers ①② go, as emoji do), then each space made a hyphen, and a
 * repeated anchor numbered {@code -1}, {@code -2}. Archives kept on GitHub link to their own headings by these
 * ({@code [上期推荐](#-javascriptcore-与-promise-那点事)} for {@code ### 🐕 JavaScriptCore 与 Promise 那点事}, the emoji
 * gone but its space kept), while our pages give headings the anchors of {@link HeadingIds}; the parser maps one to
 * the other so those links keep working. One instance serves one document, as on GitHub.
 */
final class GitHubAnchors {

    private final Map<String, Integer> seen = new HashMap<>();

    /** The anchor GitHub gives the next heading of the document, with text {@code headingText}. */
    String next(String headingText) {
        String base = slug(headingText);
        String anchor = base;
        Integer count = seen.get(base);
        if (count != null) {
            int n = count;
            do {
                anchor = base + "-" + ++n;
            } while (seen.containsKey(anchor));
            seen.put(base, n);
        }
        seen.putIfAbsent(anchor, 0);
        return anchor;
    }

    static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            if (cp == ' ') {
                slug.append('-');
            } else if (cp == '-' || Character.isAlphabetic(cp) || kept(Character.getType(cp))) {
                slug.appendCodePoint(cp);
            }
        });
        return slug.toString();
    }

    private static boolean kept(int type) {
        return switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }
}
