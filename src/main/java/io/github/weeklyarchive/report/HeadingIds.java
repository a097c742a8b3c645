package io.github.weeklyarchive.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Gives headings anchor ids that survive rebuilds and read well in a URL: letters and digits of any
 * script are kept (so {@code 【系统运行数据】} becomes {@code 系统运行数据}), every other run of
 * characters becomes one dash, and a repeated heading gets {@code -2}, {@code -3}.
 * One instance serves one document, because uniqueness is per page.
 */
final class HeadingIds {

    private final Map<String, Integer> used = new HashMap<>();

    String next(String headingText) {
        String base = slug(headingText);
        int seen = used.merge(base, 1, Integer::sum);
        if (seen == 1) {
            return base;
        }
        String candidate = base + "-" + seen;
        while (used.containsKey(candidate)) {
            candidate = base + "-" + (++seen);
        }
        used.put(candidate, 1);
        return candidate;
    }

    static String slug(String text) {
        String normal = NormalForm.compatible(text).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        boolean pendingDash = false;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingDash && slug.length() > 0) {
                    slug.append('-');
                }
                pendingDash = false;
                slug.appendCodePoint(cp);
            } else {
                pendingDash = true;
            }
        }
        return slug.length() == 0 ? "section" : slug.toString();
    }
}
