package io.github.weeklyarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jbake.template.ModelExtractors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Weekly Archive relies on in jbake-core, checked so that an upgrade that changes any of it fails
 * here, loudly, instead of in a user's templates. {@link SiteRenderer}'s Javadoc says why each part is used.
 */
class JBakeContractTest {

    private static final String RELIED_ON_VERSION = "2.7.0";

    @Test
    void theJBakeOnTheClasspathIsTheOneThisContractWasWrittenFor() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = ModelExtractors.class.getResourceAsStream("/META-INF/maven/org.jbake/jbake-core/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        }
        assertEquals(RELIED_ON_VERSION, pom.getProperty("version", RELIED_ON_VERSION),
                "jbake-core was upgraded: check that SiteRenderer, ArchiveContentStore and SiteProperties still match it "
                        + "(the tests below say what they rely on), then update RELIED_ON_VERSION");
    }

    @Test
    void theModelNamesTemplatesUseAreStillServedByJBakesExtractors() {
        for (String name : List.of("published_posts", "published_pages", "published_content", "tags", "tag_posts", "alltags",
                "all_content", "data", "db", "published_date")) {
            assertTrue(ModelExtractors.getInstance().containsKey(name), "JBake no longer serves '" + name + "' to templates");
        }
    }

    private static Report report(String date, List<String> tags) {
        return new Report("content/" + date + ".md", "周报 " + date, LocalDate.parse(date), Optional.of("W" + date.substring(8)), tags, false,
                Optional.empty(), List.of(), "<p>正文 " + date + "</p>", List.of(), List.of(), List.of(), io.github.weeklyarchive.report.DateSource.TITLE);
    }

    /**
     * The whole model, end to end: JBake's extractors answered by our in-memory store, its FreeMarker model,
     * its configuration keys turned into {@code config.*}, and the list pages our renderer draws in its place.
     */
    @Test
    void everyModelNameAndSettingReachesTheTemplatesFromTheInMemoryStore(@TempDir Path dir) throws Exception {
        Path post = dir.resolve("post.ftl");
        Files.writeString(post, "<#ftl output_format=\"HTML\">${content.title}|${content.week}|${published_posts?size}|"
                + "<#list published_posts as p>${p.uri};</#list>|<#list tags?sort_by(\"name\") as t>${t.name}=${t.tagged_posts?size};</#list>|"
                + "${all_content?size}|${config.site_title}|${(content.page.prev.uri)!\"-\"}|${content.rootpath}");
        Path tag = dir.resolve("tags.ftl");
        Files.writeString(tag, "<#ftl output_format=\"HTML\">${tag}:<#list tag_posts as p>${p.title};</#list>|${content.rootpath}");
        Path properties = dir.resolve("jbake.properties");
        Files.writeString(properties, "site.title=周报,归档\nrender.tagsindex=false\n");
        Archive archive = Archive.assemble(List.of(report("2023-02-17", List.of("支付", "数仓")), report("2023-02-24", List.of("支付"))), false).archive();
        Theme theme = new Theme(Map.of("post.ftl", post, "tags.ftl", tag), Map.of());
        Map<String, String> pages = new ConcurrentHashMap<>();

        List<Problem> problems = SiteRenderer.render(new SiteRenderer.Input(archive, Figures.of(archive, MetricsConfig.defaults()), theme,
                Optional.of(properties), Optional.of("https://example.org/r/"), false, Instant.EPOCH, Messages.of("zh", theme)), pages::put);

        assertEquals(List.of(), problems);
        assertEquals("周报 2023-02-24|W24|2|2023/2023-02-24.html;2023/2023-02-17.html;|支付=2;数仓=1;|2|周报,归档|2023/2023-02-17.html|../",
                pages.get("2023/2023-02-24.html"));
        assertEquals("支付:周报 2023-02-24;周报 2023-02-17;|../", pages.get("tags/支付.html"));
        Map<String, String> sorted = new TreeMap<>(pages);
        for (String page : List.of("index.html", "archive.html", "feed.xml", "sitemap.xml", "404.html", "search/index.html",
                "metrics/index.html", "incidents/index.html", "projects/index.html")) {
            assertTrue(sorted.containsKey(page), page + " in " + sorted.keySet());
        }
        assertTrue(pages.get("feed.xml").contains("<id>https://example.org/r/2023/2023-02-24.html</id>"), pages.get("feed.xml"));
    }
}
