package io.github.weeklyarchive.site;

import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jbake.model.DocumentModel;
import org.jbake.template.ModelExtractors;

/**
 * The fingerprints of the pages of one render ({@link PageReuse}): a page's is the hash of the site-wide
 * inputs (the site's templates, the JBake settings with the base URL and build time, the interface text),
 * its own document, and, if its template read them, every week's document (the lists) and its tag.
 * Everything is hashed lazily, once per render.
 */
final class PageFingerprints {

    /** Model names that are the page's own document or site-wide settings, always part of a fingerprint. */
    private static final Set<String> ALWAYS = Set.of("content", "version", "t", "sections", "urls");
    /** Read as a setting's name: the page went through all of them ({@code <#list config as k, v>}). */
    private static final String ALL_SETTINGS = "*";
    /** JBake's extractor that answers with the clock: a page that reads it is never taken from a cache. */
    private static final String CLOCK = "published_date";
    /** The one setting that changes every build: in a page's fingerprint only if its template read it (the feed). */
    private static final String BUILD_TIME = "site.built";

    private final boolean unused;
    private final List<DocumentModel> weeks;
    private final List<Object> settings;
    private final Map<String, Object> config;
    private final Theme theme;
    private final Map<Object, Optional<String>> documentHashes = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
    private volatile Optional<String> global;
    private volatile Optional<String> store;

    /**
     * @param unused   no page will be reused nor recorded: nothing is hashed
     * @param weeks    the documents the lists are made of
     * @param settings the site-wide model entries but {@code config} (the interface text, the sections shown…)
     * @param config   JBake's settings, {@code config}: a page depends only on the ones it reads (the feed alone shows
     *                 the build time, so a new build time does not make every page again)
     */
    PageFingerprints(boolean unused, List<DocumentModel> weeks, List<Object> settings, Map<String, Object> config, Theme theme) {
        this.unused = unused;
        this.weeks = weeks;
        this.settings = settings;
        this.config = config;
        this.theme = theme;
    }

    PageReuse.Inputs of(DocumentModel content, String tag) {
        return reads -> {
            if (unused) {
                return Optional.empty();
            }
            String[] kindsAndSettings = reads.split(";config=", 2);
            Set<String> kinds = Set.of(kindsAndSettings[0].split(","));
            List<Optional<String>> parts = new ArrayList<>(List.of(Optional.of(reads), global(), document(content)));
            if (kindsAndSettings.length == 2) {
                parts.add(settings(kindsAndSettings[1]));
            }
            if (kinds.contains("store")) {
                parts.add(store());
            }
            if (kinds.contains("tag")) {
                parts.add(Optional.of(tag == null ? "" : tag)); // a page that is no tag page read nothing there
            }
            if (parts.stream().anyMatch(Optional::isEmpty)) {
                return Optional.empty();
            }
            return Optional.of(ContentHash.of(parts.stream().map(Optional::get).toArray()));
        };
    }

    /** The hash of what every page depends on: the site's templates, the settings, the model's site-wide entries. */
    Optional<String> global() {
        if (global == null) {
            synchronized (this) {
                if (global == null) {
                    global = hashed(() -> {
                        // The site's own templates by name and bytes; the built-in ones are the tool's, part of the cache's key.
                        Map<String, String> templates = new TreeMap<>();
                        theme.templates().forEach((name, file) -> templates.put(name, ContentHash.ofBytes(read(file))));
                        // And every setting but the build time, whether a template read it or not: Java reads some too
                        // (which template a page uses, template.post.file; JBake's tag links, tag.path).
                        Map<String, Object> allButBuildTime = new TreeMap<>(config);
                        allButBuildTime.keySet().removeIf(key -> key.replace('_', '.').equals(BUILD_TIME));
                        return ContentHash.of(settings, templates, allButBuildTime);
                    });
                }
            }
        }
        return global;
    }

    /** The values of the settings a page read ({@code site_host|site_title}), or of all of them ({@code *}). */
    private Optional<String> settings(String keys) {
        if (keys.equals(ALL_SETTINGS)) {
            return hashed(() -> ContentHash.of(new TreeMap<>(config)));
        }
        List<Object> values = new ArrayList<>();
        for (String key : keys.split("\\|")) {
            values.add(key);
            values.add(config.get(key));
        }
        return hashed(() -> ContentHash.of(values));
    }

    private Optional<String> store() {
        if (store == null) {
            synchronized (this) {
                if (store == null) {
                    List<Optional<String>> each = weeks.parallelStream().map(this::document).toList();
                    store = each.stream().anyMatch(Optional::isEmpty) ? Optional.empty()
                            : Optional.of(ContentHash.of(each.stream().map(Optional::get).toList()));
                }
            }
        }
        return store;
    }

    private Optional<String> document(DocumentModel document) {
        Optional<String> known = documentHashes.get(document);
        if (known == null) {
            known = hashed(() -> ContentHash.of(document));
            documentHashes.put(document, known);
        }
        return known;
    }

    private static Optional<String> hashed(java.util.function.Supplier<String> hash) {
        try {
            return Optional.of(hash.get());
        } catch (ContentHash.Unhashable | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template model, recording which names a page's template read from it, and which of {@code config}. */
    static final class ReadingModel implements TemplateHashModel {
        private final TemplateHashModel model;
        private final TemplateHashModelEx2 config;
        private final Set<String> read = ConcurrentHashMap.newKeySet();
        private final Set<String> settingsRead = ConcurrentHashMap.newKeySet();

        /** @param config the {@code config} entry, as the object wrapper wraps it */
        ReadingModel(TemplateHashModel model, TemplateHashModelEx2 config) {
            this.model = model;
            this.config = config;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            if (key.equals("config")) {
                return new ReadingSettings();
            }
            read.add(key);
            return model.get(key);
        }

        /** {@code config}, recording the settings read; going through all of them counts as reading all. */
        private final class ReadingSettings implements TemplateHashModelEx2 {
            @Override
            public TemplateModel get(String key) throws TemplateModelException {
                settingsRead.add(key);
                return config.get(key);
            }

            @Override
            public boolean isEmpty() throws TemplateModelException {
                settingsRead.add(ALL_SETTINGS);
                return config.isEmpty();
            }

            @Override
            public int size() throws TemplateModelException {
                settingsRead.add(ALL_SETTINGS);
                return config.size();
            }

            @Override
            public TemplateCollectionModel keys() throws TemplateModelException {
                settingsRead.add(ALL_SETTINGS);
                return config.keys();
            }

            @Override
            public TemplateCollectionModel values() throws TemplateModelException {
                settingsRead.add(ALL_SETTINGS);
                return config.values();
            }

            @Override
            public KeyValuePairIterator keyValuePairIterator() throws TemplateModelException {
                settingsRead.add(ALL_SETTINGS);
                return config.keyValuePairIterator();
            }
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return model.isEmpty();
        }

        /**
         * What the page's inputs were, as {@link PageReuse.Inputs#fingerprint} takes them: {@code content}
         * (always), {@code store} if it read any list of documents, {@code tag} if its tag. Empty if it read the clock.
         */
        Optional<String> reads() {
            Set<String> kinds = new TreeSet<>(Set.of("content"));
            for (String key : read) {
                if (ALWAYS.contains(key)) {
                    continue;
                }
                if (key.equals(CLOCK)) {
                    return Optional.empty();
                }
                if (key.equals("tag")) {
                    kinds.add("tag");
                } else if (ModelExtractors.getInstance().containsKey(key)) {
                    kinds.add("store"); // published_posts, tags, tag_posts, db…: answered from every week's document
                }
                // any other name is not in the model: the template saw nothing there, and will next time
            }
            String settings = "";
            if (!settingsRead.isEmpty()) {
                Set<String> names = settingsRead.contains(ALL_SETTINGS) ? Set.of(ALL_SETTINGS) : new TreeSet<>(settingsRead);
                if (names.stream().anyMatch(name -> name.isEmpty() || name.matches(".*[|;,\\s].*"))) {
                    return Optional.empty(); // a name that would not read back from the cache's record: never cached
                }
                settings = ";config=" + String.join("|", names);
            }
            return Optional.of(String.join(",", kinds) + settings);
        }
    }
}
