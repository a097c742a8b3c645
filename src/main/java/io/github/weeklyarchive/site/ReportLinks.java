package io.github.weeklyarchive.site;

import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.report.LocalAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links between reports written as links between their Markdown files ({@code [上期](issue-24.md)}), which
 * work on GitHub, turned into links between their pages, as MkDocs and Hugo do. A link to a Markdown file
 * that is no report of the site is left as it is (and {@code check} reports it).
 */
final class ReportLinks {

    private static final Pattern MARKDOWN_HREF = Pattern.compile("href=\"([^\"#?:]+\\.(?:md|markdown))(#[^\"]*)?\"");

    private final Map<String, String> pageBySource = new HashMap<>();

    ReportLinks(List<Week> weeks) {
        weeks.forEach(week -> pageBySource.put(week.report().source(), week.uri()));
    }

    /** The body of {@code week} with its links to other reports' files pointing at their pages. */
    String rewrite(Week week) {
        String html = week.report().html();
        if (!html.contains(".md") && !html.contains(".markdown")) {
            return html;
        }
        Matcher m = MARKDOWN_HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String page = LocalAddress.resolve(week.report().source(), m.group(1)).map(pageBySource::get).orElse(null);
            String replacement = page == null ? m.group() : "href=\"" + relative(week.uri(), page) + (m.group(2) == null ? "" : m.group(2)) + "\"";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code to} as seen from the page {@code from} (both site-relative). */
    static String relative(String from, String to) {
        int depth = (int) from.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + to;
    }
}
