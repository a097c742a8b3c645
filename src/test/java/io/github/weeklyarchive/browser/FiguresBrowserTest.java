package io.github.weeklyarchive.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.Browser;
import io.github.weeklyarchive.testing.ServedSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** The dashboard and a metric page in real Chromium: charts load and are drawn, in light and in dark mode. */
class FiguresBrowserTest {

    @RegisterExtension
    static final ServedSite SITE = new ServedSite(1280, 1000);

    /** Whether every chart image on the page was fetched and decoded, and which files the browser chose. */
    @SuppressWarnings("unchecked")
    private List<String> drawnCharts() {
        // Charts load lazily: ask for them now, and give them a moment to arrive.
        SITE.browser().executeScript("document.querySelectorAll('picture img').forEach(img => img.loading = 'eager')");
        new WebDriverWait(SITE.browser(), Duration.ofSeconds(5)).until(d -> (Boolean) SITE.browser().executeScript(
                "return Array.from(document.querySelectorAll('picture img')).every(img => img.complete)"));
        return (List<String>) SITE.browser().executeScript("""
                return Array.from(document.querySelectorAll('picture img')).map(img =>
                    (img.complete && img.naturalWidth > 0 ? 'drawn ' : 'BROKEN ') + img.currentSrc.replace(/^.*\\/charts\\//, ''));
                """);
    }

    private void colourScheme(String scheme) {
        SITE.browser().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Test
    void theDashboardShowsEachMetricWithItsSparklineAndChange() throws Exception {
        colourScheme("light");
        SITE.browser().get(SITE.server().url() + "metrics/index.html");
        WebElement card = SITE.browser().findElements(By.cssSelector("a.metric-card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".metric-name")).getText().equals("入金有效成功率")).findFirst().orElseThrow();
        assertEquals("99.99%", card.findElement(By.cssSelector(".metric-value")).getText().replace("\n", ""));
        WebElement change = card.findElement(By.cssSelector(".metric-change"));
        assertTrue(change.getText().startsWith("+0.01"), change.getText());
        assertEquals("✓", change.findElement(By.cssSelector(".judgement")).getText(), "a mark that it is better, not colour alone");
        List<String> charts = drawnCharts();
        assertTrue(!charts.isEmpty() && charts.stream().allMatch(c -> c.startsWith("drawn spark-") && c.endsWith(".light.svg")), charts.toString());
        Browser.screenshot(SITE.browser(), "dashboard-light");

        card.click();
        assertEquals("入金有效成功率", SITE.browser().findElement(By.tagName("h1")).getText());
        assertEquals(List.of("drawn " + chartName() + ".light.svg"), drawnCharts());
        Browser.screenshot(SITE.browser(), "metric-light");
        assertEquals(List.of(), Browser.consoleErrors(SITE.browser()));
    }

    @Test
    void inDarkModeTheDarkChartsAreShown() throws Exception {
        colourScheme("dark");
        try {
            SITE.browser().get(SITE.server().url() + "metrics/index.html");
            SITE.browser().findElements(By.cssSelector("a.metric-card")).get(0).click();
            List<String> charts = drawnCharts();
            assertEquals(1, charts.size());
            assertEquals(List.of("drawn deposit-success.dark.svg"), charts);
            String background = (String) SITE.browser().executeScript("return getComputedStyle(document.body).backgroundColor");
            assertEquals("rgb(17, 20, 24)", background);
            Browser.screenshot(SITE.browser(), "metric-dark");
            SITE.browser().get(SITE.server().url() + "incidents/index.html");
            assertTrue(drawnCharts().equals(List.of("drawn incidents.dark.svg")), drawnCharts().toString());
            assertEquals(6, SITE.browser().findElements(By.cssSelector("li.incident")).size());
            Browser.screenshot(SITE.browser(), "incidents-dark");
            assertEquals(List.of(), Browser.consoleErrors(SITE.browser()));
        } finally {
            colourScheme("light");
        }
    }

    private String chartName() {
        String path = SITE.browser().getCurrentUrl();
        return path.substring(path.lastIndexOf('/') + 1).replace(".html", "");
    }
}
