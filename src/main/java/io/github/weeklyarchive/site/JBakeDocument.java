package io.github.weeklyarchive.site;

import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.report.Heading;
import io.github.weeklyarchive.report.Report;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A week written as a JBake content file: a {@code key=value} header, the separator, and the body
 * as finished HTML. Every piece of metadata is written explicitly, so JBake never guesses a title,
 * a date or a status, and never reads the Markdown itself.
 */
final class JBakeDocument {

    static final String SEPARATOR = "~~~~~~";

    private JBakeDocument() {
    }

    static String of(Week week) {
        Report report = week.report();
        StringBuilder out = new StringBuilder();
        header(out, "title", report.title());
        header(out, "date", report.date().toString());
        header(out, "type", "post");
        header(out, "status", "published");
        if (!report.tags().isEmpty()) {
            // JBake splits tags on commas; the parser has already kept commas out of tag names.
            header(out, "tags", String.join(",", report.tags()));
        }
        header(out, "week", report.displayWeek());
        header(out, "source", report.source());
        // Maps are written as JSON, which JBake hands to templates as hashes.
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("prev", week.previous().map(JBakeDocument::link).orElse(null));
        page.put("next", week.next().map(JBakeDocument::link).orElse(null));
        page.put("toc", report.headings().stream().map(JBakeDocument::tocEntry).toList());
        page.put("exported", report.exportStamp().orElse(null));
        page.put("draft", report.draft());
        header(out, "page", Json.write(page));
        out.append(SEPARATOR).append('\n');
        out.append(report.html());
        return out.toString();
    }

    private static Map<String, Object> link(Week.Link link) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("uri", link.uri());
        map.put("title", link.title());
        map.put("week", link.label());
        map.put("date", link.date());
        return map;
    }

    private static Map<String, Object> tocEntry(Heading heading) {
        return Map.of("level", heading.level(), "text", heading.text(), "id", heading.id());
    }

    /** A header value is one line: anything that would end it early is folded to a space. */
    private static void header(StringBuilder out, String key, String value) {
        out.append(key).append('=').append(value.replaceAll("[\\r\\n\\u2028\\u2029]+", " ")).append('\n');
    }
}
