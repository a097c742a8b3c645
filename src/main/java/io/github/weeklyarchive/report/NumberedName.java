package io.github.weeklyarchive.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report's file name says when the report has no title of its own. Weeklies kept as numbered files
 * (the posts of an Astro or Hexo site: {@code 239-山顶咖啡.md}) name each issue by its number and title; the
 * number is the issue's label ({@code #239}, as a Pelican {@code Number:} header gives it) and the rest its
 * title. Any other name is the title as it is.
 *
 * @param title the title the name gives
 * @param label the issue number, as {@code #N}, when the name starts with one
 */
record NumberedName(String title, Optional<String> label) {

    /** A number of up to four digits, a separator, then a title that does not start with a digit (so no date). */
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,4})[-_. ]+(\\D.*)");

    static NumberedName of(String baseName) {
        Matcher m = NUMBERED.matcher(baseName);
        if (m.matches() && !m.group(2).isBlank()) {
            return new NumberedName(m.group(2).strip(), Optional.of("#" + Integer.parseInt(m.group(1))));
        }
        return new NumberedName(baseName, Optional.empty());
    }
}
