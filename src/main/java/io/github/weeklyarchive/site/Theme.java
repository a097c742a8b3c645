package io.github.weeklyarchive.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates and assets a site is drawn with: the built-in ones shipped in the jar (the repository's
 * {@code templates/}, {@code assets/} and {@code jbake.properties}), each overridden by a file of the same
 * name in the site's own {@code templates/} and {@code assets/} folders.
 *
 * <p>Templates are read straight from those two places through a FreeMarker template loader, and assets are
 * copied straight into the output: nothing is staged in a folder first.
 *
 * @param templates the site's own templates, by name relative to its templates folder ({@code post.ftl})
 * @param assets    the site's own assets, by name relative to its assets folder ({@code css/site.css})
 */
public record Theme(Map<String, Path> templates, Map<String, Path> assets) {

    private static final String ROOT = "site";

    public Theme {
        templates = Map.copyOf(templates);
        assets = Map.copyOf(assets);
    }

    /** The built-in theme alone. */
    public static Theme builtIn() {
        return new Theme(Map.of(), Map.of());
    }

    /** Where FreeMarker finds a template: the site's file of that name first, then the jar's. */
    TemplateLoader templateLoader() {
        return new MultiTemplateLoader(new TemplateLoader[] {
                new SiteTemplates(templates), new ClassTemplateLoader(Theme.class.getClassLoader(), ROOT + "/templates")});
    }

    /** The built-in {@code jbake.properties}: the defaults a site's own file overrides. */
    static Properties builtInProperties() {
        Properties properties = new Properties();
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(ROOT + "/jbake.properties")) {
            if (in == null) {
                throw new IllegalStateException("the built-in theme is missing from the jar: rebuild it with ./mvnw package");
            }
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The names of every asset the site will have, built-in and its own. */
    public java.util.Set<String> assetNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(assets.keySet());
        withBuiltInAssets(folder -> {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).forEach(file -> names.add(folder.relativize(file).toString().replace('\\', '/')));
            }
        });
        return names;
    }

    /** Copies every asset into {@code destination}: the built-in ones, then the site's own over them. */
    public void copyAssets(Path destination) throws IOException {
        withBuiltInAssets(folder -> {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = destination.resolve(folder.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        });
        for (Map.Entry<String, Path> asset : new TreeMap<>(assets).entrySet()) {
            Path target = destination.resolve(asset.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(asset.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private interface FolderAction {
        void accept(Path folder) throws IOException;
    }

    /** Runs {@code action} on the jar's {@code site/assets} folder (or the classes folder's, in tests). */
    private static void withBuiltInAssets(FolderAction action) {
        try {
            URL marker = Theme.class.getClassLoader().getResource(ROOT + "/jbake.properties");
            if (marker == null) {
                throw new IllegalStateException("the built-in theme is missing from the jar: rebuild it with ./mvnw package");
            }
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                // Opened by path, a jar gets a file system of its own each time, so builds never share (or close) one.
                Path jarFile = Path.of(Theme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                try (FileSystem jar = FileSystems.newFileSystem(jarFile, (ClassLoader) null)) {
                    action.accept(jar.getPath("/" + ROOT + "/assets"));
                }
            } else {
                action.accept(Path.of(uri).getParent().resolve("assets"));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FreeMarker's view of the site's own templates: only the files the source folder let us read. */
    private record SiteTemplates(Map<String, Path> files) implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) {
            return Optional.ofNullable(files.get(name)).orElse(null);
        }

        @Override
        public long getLastModified(Object source) {
            return -1; // a build reads each template once
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            return Files.newBufferedReader((Path) source, Charset.forName(encoding));
        }

        @Override
        public void closeTemplateSource(Object source) {
        }
    }
}
