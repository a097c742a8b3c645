package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/** What "nothing from a report ever runs" means, checked on a report's HTML; shared by the unit and fuzz tests. */
final class SafeHtml {

    /** Script injection and mutation-XSS tricks, as raw HTML and as Markdown. */
    static final List<String> INJECTIONS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</script>",
            "<<script>script>alert(1)<</script>/script>",
            "<img src=x onerror=alert(1)>",
            "\"><img src=x onerror=\"window.__injected=1\">",
            "<IMG SRC=JaVaScRiPt:alert(1)>",
            "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<math href=\"javascript:alert(1)\">x</math>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<noscript><style></noscript><img src=x onerror=alert(1)>",
            "<select><template><style><img src=x onerror=alert(1)>",
            "<xmp><img src=x onerror=alert(1)></xmp>",
            "<textarea></textarea><img src=x onerror=alert(1)>",
            "<title><img src=x onerror=alert(1)></title>",
            "<!--<img src=x onerror=alert(1)>-->",
            "<!--><img src=x onerror=alert(1)>-->",
            "<![CDATA[<img src=x onerror=alert(1)>]]>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"&#x6A;&#x61;vascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<table><td><a href=javascript:alert(1)>x",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
            "<input autofocus onfocus=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<body onload=alert(1)>",
            "<style>@import 'javascript:alert(1)';</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<link rel=import href=\"https://evil.example/x.html\">",
            "<a href=\"https://example.org\" onclick=\"alert(1)\" onmouseover=alert(1)>x</a>",
            "<p/onclick=alert(1)>x</p>",
            "<img \"\"\"><script>alert(1)</script>\">",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](javascript&colon;alert(1))",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x][bad]\n\n[bad]: javascript:alert(1)");

    private static final Set<String> NEVER = Set.of("script", "style", "iframe", "frame", "object", "embed", "form", "input",
            "button", "base", "meta", "link", "svg", "math", "noscript", "template", "textarea", "select", "xmp", "title",
            "plaintext", "noembed", "noframes", "applet", "body", "html", "head");
    private static final Pattern TAG_HANDLER = Pattern.compile("(?i)<[a-z][^>]*\\son\\w+\\s*=");
    private static final Pattern SCRIPT_ADDRESS = Pattern.compile("(?i)<[a-z][^>]*\\s(?:href|src)\\s*=\\s*[\"']?\\s*javascript:");

    private SafeHtml() {
    }

    static void assertNothingRuns(Report report) {
        Set<String> ids = report.headings().stream().map(Heading::id).collect(Collectors.toSet());
        assertNothingRuns(report.html(), ids);
    }

    static void assertNothingRuns(String html, Set<String> headingIds) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        assertFalse(TAG_HANDLER.matcher(html).find(), html);
        assertFalse(SCRIPT_ADDRESS.matcher(html).find(), html);
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
