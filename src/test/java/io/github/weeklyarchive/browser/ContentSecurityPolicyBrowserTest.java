package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.serve.PreviewServer;
import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import io.github.weeklyarchive.testing.TestSites;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page under its Content-Security-Policy in real Chromium: nothing the site needs is refused
 * (scripts, styles, charts, search; live reload too, as the site is built as serve builds it),
 * and what the policy forbids does not run.
 */
class ContentSecurityPolicyBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = ServedSite.asServePreviewsIt(1280, 900);

    private Object script(String js, Object... args) {
        return SITE.browser().executeScript(js, args);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(SITE.browser(), Duration.ofSeconds(10));
    }

    @Test
    void everyPageCarriesThePolicyAndNothingOnItIsRefused() throws Exception {
        List<String> pages;
        try (Stream<Path> files = Files.walk(SITE.site())) {
            pages = files.filter(f -> f.toString().endsWith(".html")).map(f -> SITE.site().relativize(f).toString()).sorted().toList();
        }
        assertTrue(pages.size() >= 20 && pages.stream().anyMatch(p -> p.startsWith("projects/m")), pages.toString());
        for (String page : pages) {
            SITE.open(page);
            assertEquals(PreviewServer.CONTENT_SECURITY_POLICY,
                    script("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content"), page);
            assertEquals(List.of(), script("return Array.from(document.images).filter(img => img.naturalWidth === 0).map(img => img.src)"),
                    page + ": every image drawn");
            // What the policy would refuse only when it is used (an event handler, a javascript: link) is not written either.
            assertEquals(List.of(), script("""
                    return Array.from(document.querySelectorAll('*')).flatMap(el => Array.from(el.attributes)
                        .filter(a => a.name.startsWith('on') || a.name === 'style' || /^\\s*javascript:/i.test(a.value))
                        .map(a => el.tagName + ' ' + a.name + '=' + a.value))
                        .concat(Array.from(document.querySelectorAll('style, script:not([src])')).map(el => el.outerHTML))
                    """), page + ": no inline script or style");
            assertEquals(List.of(), Browser.consoleErrors(SITE.browser()), page);
        }
    }

    @Test
    void searchChartsAndProgressBarsWorkUnderThePolicy() throws Exception {
        SITE.open("");
        Browser.screenshot(SITE.browser(), "csp-home");
        assertTrue(SITE.browser().findElements(By.cssSelector(".metric-card img")).size() > 0, "sparklines on the home page");

        SITE.open("search/index.html?q=" + URLEncoder.encode("入金有效成功率", StandardCharsets.UTF_8));
        waiting().until(d -> d.findElement(By.id("search-status")).getText().startsWith("找到"));
        assertEquals("找到 3 周", SITE.browser().findElement(By.id("search-status")).getText());
        assertEquals(3, SITE.browser().findElements(By.cssSelector("#search-results > li.result")).size());
        Browser.screenshot(SITE.browser(), "csp-search-results");

        SITE.open("projects/index.html");
        Number width = (Number) script("return document.querySelector('progress.progress').getBoundingClientRect().width");
        assertTrue(width.doubleValue() > 100, "the progress bar is drawn from the stylesheet, " + width + " px wide");
        assertEquals(55, ((Number) script("return document.querySelector('progress.progress').value")).doubleValue(), "the latest week's progress");
        Browser.screenshot(SITE.browser(), "csp-projects");
    }

    @Test
    void anInlineScriptOrStylePutIntoAPageDoesNotApplyAndIsReported() {
        SITE.open("2023/2023-02-24.html");
        assertInlineScriptAndStyleRefused();
    }

    @Test
    void theMetaAloneEnforcesThePolicyAsOnGitHubPages() {
        // Opened as a file, the page gets no header from serve: only its <meta> stands between it and an inline script.
        SITE.browser().get(SITE.site().resolve("2023/2023-02-24.html").toUri().toString());
        assertInlineScriptAndStyleRefused();
    }

    private void assertInlineScriptAndStyleRefused() {
        script("""
                window.__violations = [];
                document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.effectiveDirective), true);
                const inline = document.createElement('script');
                inline.textContent = 'window.__inlineRan = true';
                document.head.appendChild(inline);
                const styled = document.createElement('p');
                styled.id = 'styled';
                styled.setAttribute('style', 'display: none');
                document.body.appendChild(styled);
                """);
        // Each violation is dispatched at the element and again at the document: count directives, not events.
        waiting().until(d -> ((List<?>) script("return [...new Set(window.__violations)]")).size() >= 2);
        assertEquals(List.of("script-src-elem", "style-src-attr"), script("return [...new Set(window.__violations)].sort()"));
        assertNull(script("return window.__inlineRan"), "the inline script did not run");
        assertEquals("block", script("return getComputedStyle(document.getElementById('styled')).display"), "the inline style was not applied");
        List<String> errors = Browser.consoleErrors(SITE.browser());
        assertTrue(errors.stream().anyMatch(e -> e.contains("inline script violates the following Content Security Policy directive")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("inline style violates the following Content Security Policy directive")),
                errors.toString());
    }

    @Test
    void servesHeaderHoldsAPageWithoutTheMetaToThePolicy(@TempDir Path dir) throws Exception {
        TestSites.write(dir.resolve("bare.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>bare</title><link rel="icon" href="data:,"></head>
                <body><p id="p">not run</p><script>document.getElementById('p').textContent = 'ran';</script></body></html>
                """);
        try (PreviewServer server = PreviewServer.start(dir, "/", 0)) {
            SITE.browser().get(server.url() + "bare.html");
            assertEquals("not run", SITE.browser().findElement(By.id("p")).getText());
            List<String> errors = Browser.consoleErrors(SITE.browser());
            assertTrue(errors.stream().anyMatch(e -> e.contains("inline script violates the following Content Security Policy directive")),
                    errors.toString());
        }
    }
}
