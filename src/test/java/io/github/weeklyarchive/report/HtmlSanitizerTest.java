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

    @Test
    void defusingTakesOutCommentsScriptsAndTagsThatSwallowWhatFollows() {
        assertEquals("<p>a  b</p>", HtmlSanitizer.defuse("<p>a <!-- 不要发布 --> b</p>"));
        assertEquals("a  b ", HtmlSanitizer.defuse("a <!--> b <!-- 没有结束"));
        assertEquals("a  b", HtmlSanitizer.defuse("a <script type=\"x\">if (1 > 0) {}</SCRIPT > b"));
        assertEquals("a ", HtmlSanitizer.defuse("a <style>p {}"));
        assertEquals("a 文字 b 选", HtmlSanitizer.defuse("a <textarea rows=\"2\">文字</textarea> b <select><option>选"));
        assertEquals("<iframe src=\"https://v.example/1\" title=\"a>b\"></iframe>回退", HtmlSanitizer.defuse(
                "<iframe src=\"https://v.example/1\" title=\"a>b\">回退</iframe>"));
        assertEquals("没有标签 < 也没有 3<5", HtmlSanitizer.defuse("没有标签 < 也没有 3<5"));
    }

    @Test
    void theTextOfARawBlockIsWhatAReaderSees() {
        assertEquals("标题\n第一行\n第二行\na b", HtmlSanitizer.text(
                "<div><h3>标题</h3><!-- 注释 --><p>第一行<br>第二行</p><script>x()</script><table><tr><td>a</td><td>b</td></tr></table></div>"));
    }

    @Test
    void cleaningWhatWasCleanedChangesNothing() {
        // What the browser builds from the page must be what was checked: no shape that a parser would rebuild.
        for (String html : List.of("<p>a<math><mi><table><tr><td>x</td></tr></table></mi></math>b</p>", "<pre>\n\nx</pre>",
                "<p><svg><desc><div>y</div></desc></svg></p>", "<p><select><option>z</option></select><table></table></p>")) {
            String once = HtmlSanitizer.clean(html, Set.of());
            assertEquals(once, HtmlSanitizer.clean(once, Set.of()), html);
        }
    }
}
