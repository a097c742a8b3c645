package io.github.weeklyarchive.site;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.fluent.Configurations;
import org.apache.commons.configuration2.convert.DefaultListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.jbake.app.configuration.DefaultJBakeConfiguration;

/**
 * The settings of a build, as JBake's configuration: JBake's own defaults, then the built-in
 * {@code jbake.properties}, then the site's, then what the build itself decides (base URL, time zone).
 * Built in memory: no properties file is written for JBake to read back.
 */
final class SiteProperties {

    private final Map<String, String> values = new TreeMap<>();

    void load(Properties properties) {
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    }

    void load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        load(properties);
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

    /**
     * JBake's configuration of these settings. Our values are one layer that splits nothing, so a comma in
     * a value ({@code site.title=周报,归档}) stays a comma; JBake's defaults below keep its own list syntax.
     */
    DefaultJBakeConfiguration toJBakeConfiguration() {
        CompositeConfiguration composite = new CompositeConfiguration();
        composite.addConfiguration(new MapConfiguration(new TreeMap<String, Object>(values)));
        URL defaults = DefaultJBakeConfiguration.class.getClassLoader().getResource("default.properties");
        if (defaults == null) {
            throw new IllegalStateException("jbake-core's default.properties is missing from the classpath");
        }
        try {
            PropertiesConfiguration jbake = new Configurations().properties(defaults);
            jbake.setListDelimiterHandler(new DefaultListDelimiterHandler(','));
            composite.addConfiguration(jbake);
        } catch (ConfigurationException e) {
            throw new UncheckedIOException(new IOException("cannot read jbake-core's default.properties", e));
        }
        // The source folder is only where JBake would look for files we hand it ourselves.
        return new DefaultJBakeConfiguration(new File("."), composite);
    }
}
