package io.github.weeklyarchive.site;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The merged {@code jbake.properties} of a build: built-in defaults, then the site's own file,
 * then what the build itself decides (base URL, the settings our pipeline depends on).
 */
final class SiteProperties {

    private final Map<String, String> values = new TreeMap<>();

    void load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    }

    void set(String key, String value) {
        values.put(key, value);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    /**
     * Sets {@code site.host} (the base URL without its trailing slash, as JBake templates expect) and
     * {@code site.basepath} (its path, always ending in a slash), used for every link so the site works
     * under a sub-path such as GitHub Pages' {@code /repo/}.
     */
    void setBaseUrl(String baseUrl) {
        String url = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String path = URI.create(url).getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        set("site.host", url.substring(0, url.length() - 1));
        set("site.basepath", path);
        // Feeds and sitemaps need absolute addresses, which only a full base URL gives. Without one the feed
        // links relative to itself and no sitemap is written, rather than one full of addresses like "/".
        boolean absolute = URI.create(url).isAbsolute();
        set("site.absolute", String.valueOf(absolute));
        if (!absolute) {
            set("render.sitemap", "false");
        }
    }

    /** Writes the properties for JBake, which splits unescaped commas into lists (so {@code 周报,归档} would break). */
    void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                out.write(e.getKey() + "=" + escape(e.getValue()) + "\n");
            }
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("\n", "\\n");
    }
}
