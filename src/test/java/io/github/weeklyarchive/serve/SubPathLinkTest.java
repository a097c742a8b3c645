package io.github.weeklyarchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.pipeline.BuildOptions;
import io.github.weeklyarchive.pipeline.SiteBuilder;
import io.github.weeklyarchive.testing.TestSites;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serves the site under a sub-path, as GitHub Pages serves a project site, and follows every
 * internal link, stylesheet, script and image from the home page: none may be broken, and every
 * {@code #anchor} must name an element on its page.
 */
class SubPathLinkTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyInternalLinkAndAssetResolvesUnderASubPath(@TempDir Path dir) throws Exception {
        Path source = TestSites.threeWeeks(dir.resolve("src"));
        Path site = dir.resolve("site");
        assertTrue(SiteBuilder.build(BuildOptions.of(source, site).withBaseUrl("/repo/")).written());

        try (PreviewServer server = PreviewServer.start(site, "/repo/", 0)) {
            URI start = URI.create(server.url());
            // The search page is reached through the search form on every page, not a link: start there too.
            Deque<URI> queue = new ArrayDeque<>(List.of(start, start.resolve("search/index.html")));
            Set<URI> seen = new HashSet<>(queue);
            Map<URI, Document> pages = new HashMap<>();
            List<String> fragments = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            while (!queue.isEmpty()) {
                URI url = queue.poll();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    broken.add(url + " -> " + response.statusCode());
                    continue;
                }
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    continue;
                }
                Document page = Jsoup.parse(response.body(), url.toString());
                pages.put(url, page);
                for (Element link : page.select("a[href], link[href], script[src], img[src]")) {
                    String target = link.hasAttr("href") ? link.absUrl("href") : link.absUrl("src");
                    URI uri = URI.create(target);
                    if (!uri.getHost().equals(start.getHost()) || uri.getPort() != start.getPort()) {
                        continue; // another site: not ours to check
                    }
                    assertTrue(uri.getPath().startsWith("/repo/"), "link escapes the sub-path: " + target + " on " + url);
                    if (uri.getFragment() != null) {
                        fragments.add(target);
                    }
                    URI page0 = new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null);
                    if (seen.add(page0)) {
                        queue.add(page0);
                    }
                }
            }
            assertEquals(List.of(), broken);
            for (String target : fragments) {
                URI uri = URI.create(target);
                Document page = pages.get(new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null));
                String id = URLDecoder.decode(uri.getRawFragment(), StandardCharsets.UTF_8);
                assertTrue(page != null && page.getElementById(id) != null, "anchor not found: " + target);
            }
            // No project reports progress in two weeks here, so the projects page is left out of the navigation;
            // the sample's dated promises give the commitments page, whose mentions link to the weeks' headings.
            assertEquals(14, pages.size(), () -> "home, archive, 3 weeks, tag index, 2 tags, metrics, 2 metrics, incidents, commitments, search: "
                    + pages.keySet());
            assertTrue(fragments.size() > 13, "anchors checked: " + fragments.size());
        }
    }

    @Test
    void anUnknownAddressGetsTheSites404Page(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        SiteBuilder.build(BuildOptions.of(TestSites.threeWeeks(dir.resolve("src")), site).withBaseUrl("/repo/"));
        try (PreviewServer server = PreviewServer.start(site, "/repo/", 0)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "2023/no-such-week.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());
            Document page = Jsoup.parse(response.body());
            assertEquals("页面不存在", page.selectFirst("h1").text());
            assertEquals("/repo/css/site.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        }
    }
}
