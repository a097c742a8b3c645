package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/** What "nothing from a report ever runs" means, checked on a report's HTML; shared by the unit and fuzz tests. */
final class SafeHtml {

    private static final Set<String> NEVER = Set.of("script", "style", "iframe", "frame", "object", "embed", "form", "input",
            "button", "base", "meta", "link", "svg", "math", "noscript", "template", "textarea", "select", "xmp", "title",
            "plaintext", "noembed", "noframes", "applet", "body", "html", "head");
    private static final Pattern QUOTED_VALUE = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern HANDLER = Pattern.compile("(?i)\\son\\w+\\s*=");
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\s(?:href|src)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");

    private SafeHtml() {
    }

    static void assertNothingRuns(Report report) {
        Set<String> ids = report.headings().stream().map(Heading::id).collect(Collectors.toSet());
        assertNothingRuns(report.html(), ids);
    }

    static void assertNothingRuns(String html, Set<String> headingIds) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        // Tag by tag, as written: no on* handler outside attribute values, no address but a safe one.
        for (int lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
            HtmlSanitizer.TagToken tag = HtmlSanitizer.TagToken.at(html, lt);
            if (tag == null || tag.closing()) {
                continue;
            }
            String written = html.substring(lt, tag.end());
            assertFalse(HANDLER.matcher(QUOTED_VALUE.matcher(written).replaceAll("\"\"")).find(), written);
            Matcher address = ADDRESS.matcher(written);
            while (address.find()) {
                String value = address.group(1).replaceAll("^[\"']|[\"']$", "");
                assertTrue(HtmlSanitizer.isSafeUrl(value), written);
            }
        }
        assertFalse(lower.contains("<!--"), html);
        Document page = Parser.parseBodyFragment(html, "");
        for (Element element : page.body().getAllElements()) {
            if (element == page.body()) {
                continue;
            }
            assertFalse(NEVER.contains(element.normalName()), element.normalName() + " in " + html);
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertFalse(key.startsWith("on") || key.equals("style") || key.contains(":") || key.equals("srcdoc")
                        || key.equals("action") || key.equals("formaction"), key + " in " + html);
                if (key.equals("href") || key.equals("src")) {
                    assertTrue(HtmlSanitizer.isSafeUrl(attribute.getValue()), attribute + " in " + html);
                }
            }
        }
        // Read again, it is the same: what the browser builds from it is what we checked (no mutation XSS).
        // Parsers (jsoup, browsers) reshape trees deeper than 512 elements; there, only the checks above hold.
        if (depth(page) < 400) {
            assertEquals(html, HtmlSanitizer.clean(html, headingIds), "sanitising is stable");
        }
    }

    private static int depth(Document page) {
        int[] deepest = {0};
        NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), page.body());
        return deepest[0];
    }
}
