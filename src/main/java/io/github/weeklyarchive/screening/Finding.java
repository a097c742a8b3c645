package io.github.weeklyarchive.screening;

/**
 * One piece of text that must not be published, where it starts.
 *
 * @param kind   what it is
 * @param line   1-based line in the file
 * @param column 1-based column, counted in characters (code points)
 * @param text   the text found, exactly as written; never printed whole ({@link #shown()})
 */
public record Finding(Kind kind, int line, int column, String text) {

    /**
     * The found text as a message may show it: enough to find it again, not enough to republish it, since
     * messages go to CI logs that may be public. Host names and private addresses are shown whole (they are
     * what an author writes in {@code check.allow}); an e-mail keeps its domain for the same reason.
     */
    public String shown() {
        return switch (kind) {
            case PRIVATE_IP, INTERNAL_HOST -> text;
            case EMAIL -> text.charAt(0) + "***" + text.substring(text.indexOf('@'));
            case PRIVATE_KEY -> "-----BEGIN ... PRIVATE KEY-----";
            case PASSWORD -> text.substring(0, firstOf(text, "=:：") + 1) + "***";
            default -> masked(text);
        };
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length() - 1;
    }

    /** {@code 138******78}: the first three and last two characters, the rest starred. */
    private static String masked(String text) {
        if (text.length() <= 6) {
            return "*".repeat(text.length());
        }
        return text.substring(0, 3) + "*".repeat(text.length() - 5) + text.substring(text.length() - 2);
    }
}
