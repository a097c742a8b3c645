package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void onlyWebMailRelativeAndAnchorAddressesAreSafe() {
        for (String safe : List.of("https://example.org/a?b=1&c=2", "HTTP://EXAMPLE.ORG", "mailto:a@example.org",
                "../2023/2023-02-17.html", "images/arch.png", "#上周进展", "?q=1", "//example.org/x", "docs/a:b.html",
                "a?time=10:30", "page#section:2", "", " https://example.org")) {
            assertTrue(HtmlSanitizer.isSafeUrl(safe), safe);
        }
        for (String unsafe : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
                "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)", "java\tscript:alert(1)", "java&#9;script:alert(1)",
                "java\u0000script:alert(1)", " \u0001javascript:alert(1)", "\u200Bjavascript:alert(1)", "java\nscript:x",
                "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/png;base64,AAAA", "file:///etc/passwd",
                "jar:file:x!/", "tel:123", " ".repeat(5000) + "javascript:alert(1)")) {
            assertFalse(HtmlSanitizer.isSafeUrl(unsafe), unsafe);
        }
    }

    @Test
    void aRefusedLinkReadsAsItsTextAndARefusedImageAsItsAltText() {
        String html = HtmlSanitizer.clean("<p><a href=\"javascript:alert(1)\">点我</a> <img src=\"data:text/html,x\" alt=\"架构图\" />"
                + " <a href=\"https://example.org\" title=\"t\">好</a></p>", Set.of());
        assertEquals("<p>点我 架构图 <a href=\"https://example.org\" title=\"t\">好</a></p>", html);
    }
}
