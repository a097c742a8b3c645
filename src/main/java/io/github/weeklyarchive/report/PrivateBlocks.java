package io.github.weeklyarchive.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text between {@code <!-- private -->} and {@code <!-- /private -->} is for the team's own copy of a report:
 * it is taken out before anything reads the report, so it reaches no page, feed, search index, chart or
 * data file. Line breaks inside it are kept, so every line after it keeps its number in messages.
 */
public final class PrivateBlocks {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*(/?)private\\s*-->", Pattern.CASE_INSENSITIVE);

    private PrivateBlocks() {
    }

    /** The text without its private parts, or the problem with a marker that is never closed or never opened. */
    public record Result(String text, Optional<Problem> problem) {
    }

    /** The text without its private parts: each block, markers included, becomes the line breaks it held. */
    static Result strip(String path, String text) {
        return remove(path, text, false);
    }

    /**
     * The text with each private block, markers included, blanked out by spaces, line breaks kept: every
     * character after it stays at its line and column, so a problem found in the rest is reported where it is.
     */
    public static Result blank(String path, String text) {
        return remove(path, text, true);
    }

    private static Result remove(String path, String text, boolean keepColumns) {
        if (!text.contains("private")) {
            return new Result(text, Optional.empty()); // the common case: nothing to look for
        }
        StringBuilder kept = new StringBuilder(text.length());
        Matcher marker = MARKER.matcher(text);
        int from = 0;
        int openedAt = -1;
        while (marker.find()) {
            boolean closing = !marker.group(1).isEmpty();
            if (!closing && openedAt < 0) {
                kept.append(text, from, marker.start());
                openedAt = marker.start();
            } else if (closing && openedAt >= 0) {
                kept.append(keepColumns ? blanked(text, openedAt, marker.end()) : newlinesIn(text, openedAt, marker.end()));
                openedAt = -1;
                from = marker.end();
            } else {
                return new Result(text, Optional.of(Problem.error(path, lineOf(text, marker.start()), closing
                        ? "<!-- /private --> closes a private block that was never opened; add <!-- private --> where it begins"
                        : "<!-- private --> inside a private block; close the first with <!-- /private --> before opening another")));
            }
        }
        if (openedAt >= 0) {
            return new Result(text, Optional.of(Problem.error(path, lineOf(text, openedAt),
                    "this private block is never closed, so the rest of the report would be left out; "
                            + "add <!-- /private --> where the private part ends")));
        }
        kept.append(text, from, text.length());
        return new Result(kept.toString(), Optional.empty());
    }

    private static String newlinesIn(String text, int start, int end) {
        return "\n".repeat((int) text.substring(start, end).chars().filter(c -> c == '\n').count());
    }

    private static String blanked(String text, int start, int end) {
        return text.substring(start, end).replaceAll("[^\\n]", " ");
    }

    private static int lineOf(String text, int offset) {
        return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
}
