package io.github.weeklyarchive.site;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.commitments.CommitmentLog;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.report.Problem;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.template.FreemarkerTemplateEngine;
import org.jbake.template.ModelExtractors;
import org.jbake.template.model.TemplateModel;

/**
 * The one door to JBake: renders every page of a site with JBake's FreeMarker model, to files or to memory.
 *
 * <p>Why JBake is driven this way, and not through {@code Oven.bake()}: JBake's crawler guesses metadata our
 * report stage already knows (and guesses dates from file times), its OrientDB store costs 2 s a build and
 * makes prev/next quadratic and sometimes wrong, and its renderer can only write files, so {@code check}
 * could not render without writing. What JBake does well is kept, through its public extension points:
 * its template model ({@code content}, {@code published_posts}, {@code tags}, {@code tag_posts},
 * {@code config}…) served by its {@link ModelExtractors} from a {@link org.jbake.app.ContentStore} that
 * answers from the archive in memory ({@link ArchiveContentStore}), its FreeMarker model
 * ({@link FreemarkerTemplateEngine.LazyLoadingModel}) and its configuration keys ({@code jbake.properties},
 * {@code template.*.file}, {@code render.*}). {@code JBakeContractTest} fails if an upgrade changes any of it.
 *
 * <p>JBake keeps extractors and document types in static registries: one render at a time per JVM.
 */
public final class SiteRenderer {

    static {
        // FreeMarker picks java.util.logging on its own and prints every template error with its stack trace;
        // through SLF4J it obeys our logback.xml, and we report the error in one line.
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        }
    }

    private SiteRenderer() {
    }

    /**
     * What a site is drawn from.
     *
     * @param archive       the weeks, in order
     * @param figures       the numbers and incidents found in them
     * @param theme         the templates and assets
     * @param ownProperties the site's own {@code jbake.properties}, if it has one
     * @param baseUrl       the address the site is published at; when empty, {@code site.host}, else {@code /}
     * @param liveReload    whether pages carry the live-reload script of {@code serve}
     * @param builtAt       the build time a page may show (never the clock: see the pipeline's BuildTime)
     * @param messages      the interface text, in the site's language
     * @param commitments   the dated commitments found in the weeks, followed to the build's day
     */
    public record Input(Archive archive, Figures figures, Theme theme, Optional<Path> ownProperties, Optional<String> baseUrl,
                        boolean liveReload, Instant builtAt, Messages messages, CommitmentLog commitments) {

        /** A site drawn without following commitments. */
        public Input(Archive archive, Figures figures, Theme theme, Optional<Path> ownProperties, Optional<String> baseUrl,
                     boolean liveReload, Instant builtAt, Messages messages) {
            this(archive, figures, theme, ownProperties, baseUrl, liveReload, builtAt, messages, CommitmentLog.none());
        }
    }

    /** Renders every page into {@code pages}; returns the template errors, one problem per distinct mistake. */
    public static List<Problem> render(Input input, PageSink pages) {
        return render(input, pages, PageReuse.NONE);
    }

    /**
     * As {@link #render(Input, PageSink)}, but a page that {@code reuse} takes from an earlier build, made from
     * the same inputs, is not rendered again (a build cache, or serve between edits).
     */
    public static synchronized List<Problem> render(Input input, PageSink pages, PageReuse reuse) {
        Prepared prepared;
        try {
            prepared = prepare(input, reuse == PageReuse.NONE, Optional.empty());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of(Problem.error("jbake.properties", 0, "cannot read the file: " + e.getMessage()));
        }
        return prepared.renderAll(pages, reuse);
    }

    /**
     * Every page of a site, ready to be rendered one at a time when it is asked for: serve's preview renders a page
     * when a browser asks for it, not every page on every edit. The pages are the same as {@link #render} writes. The
     * templates {@code earlier} parsed are taken when the site's own templates are the same files with the same bytes:
     * serve prepares a site on every save, and parsing the templates again was most of the time it took to render the
     * edited week's page.
     *
     * @throws java.io.IOException when the site's {@code jbake.properties} cannot be read
     */
    public static synchronized Prepared prepare(Input input, Optional<Prepared> earlier) throws java.io.IOException {
        return prepare(input, false, earlier);
    }

    private static Prepared prepare(Input input, boolean unfingerprinted, Optional<Prepared> earlier) throws java.io.IOException {
        DefaultJBakeConfiguration config = configuration(input);
        FigurePages figurePages = new FigurePages(input.figures(), input.messages());
        CommitmentPages commitmentPages = new CommitmentPages(input.commitments(), input.messages());
        Map<String, String> text = input.messages().text();
        // A part of the site with nothing to show is left out of the navigation (its page says how to fill it).
        Map<String, Boolean> sections = Map.of(
                "metrics", !input.figures().series().isEmpty(),
                "incidents", input.figures().weeks().stream().anyMatch(w -> w.incidents().reported()),
                "projects", !input.figures().projects().isEmpty(),
                "commitments", commitmentPages.hasAny(),
                "tags", input.archive().weeks().stream().anyMatch(w -> !w.report().tags().isEmpty()));
        List<DocumentModel> weeks = WeekDocument.all(input.archive().weeks(), figurePages, commitmentPages);
        ArchiveContentStore store = new ArchiveContentStore(weeks);
        registerDocumentTypes(config);
        Optional<String> templates = templatesKey(input.theme());
        Configuration freemarker = earlier.filter(e -> templates.isPresent() && e.templates.equals(templates)).map(e -> e.freemarker)
                .orElseGet(() -> parsedAtOnce(freemarker(input.theme()), input.theme()));

        List<Page> pageList = new ArrayList<>();
        for (DocumentModel week : weeks) {
            pageList.add(Page.of(week, config));
        }
        for (DocumentModel page : figurePages.documents()) {
            pageList.add(Page.of(page, config));
        }
        for (DocumentModel page : commitmentPages.documents()) {
            pageList.add(Page.of(page, config));
        }
        pageList.add(Page.of(FigurePages.page("search", Urls.SEARCH, input.messages().get("search")), config));
        if (config.getRenderIndex()) {
            DocumentModel home = figurePages.home(config.getIndexFileName());
            commitmentPages.homeCount(input.archive().weeks()).ifPresent(count -> home.put("commitments", count));
            pageList.add(Page.of(home, config));
        }
        listPage(config.getRenderArchive(), "archive", config.getArchiveFileName(), config, pageList);
        listPage(config.getRenderFeed(), "feed", config.getFeedFileName(), config, pageList);
        listPage(config.getRenderSiteMap(), "sitemap", config.getSiteMapFileName(), config, pageList);
        listPage(config.getRenderError404(), "error404", config.getError404FileName(), config, pageList);
        if (config.getRenderTags()) {
            for (String tag : store.getAllTags()) {
                DocumentModel content = simpleModel("tag", "../");
                pageList.add(new Page(config.getTagPathName() + "/" + tag + config.getOutputExtension(), templateOf(config, "tag"), content, tag));
            }
            if (config.getRenderTagsIndex()) {
                pageList.add(new Page(config.getTagPathName() + "/index" + config.getOutputExtension(), templateOf(config, "tagsindex"),
                        simpleModel("tagsindex", "../"), null));
            }
        }
        Map<String, Object> shared = Map.of("t", text, "sections", sections, "urls", Urls.forTemplates());
        Map<String, Object> settings = config.asHashMap();
        PageFingerprints fingerprints = new PageFingerprints(unfingerprinted, weeks, List.of(shared, config.getVersion()), settings,
                input.theme());
        return new Prepared(pageList, templates, freemarker, store, config, settings, shared, fingerprints);
    }

    /** The pages of one site, each rendered when it is asked for ({@link #prepare}). */
    public static final class Prepared {
        private final List<Page> pageList;
        /** The same pages by path; were two at one path, the last is the one a build leaves. */
        private final Map<String, Page> pages = new java.util.LinkedHashMap<>();
        /** The site's own templates, by name and bytes (the built-in ones are the tool's); empty if one could not be read. */
        private final Optional<String> templates;
        private final Configuration freemarker;
        private final ArchiveContentStore store;
        private final DefaultJBakeConfiguration config;
        private final Map<String, Object> settings;
        private final Map<String, Object> shared;
        private final PageFingerprints fingerprints;

        private Prepared(List<Page> pageList, Optional<String> templates, Configuration freemarker, ArchiveContentStore store,
                         DefaultJBakeConfiguration config, Map<String, Object> settings, Map<String, Object> shared,
                         PageFingerprints fingerprints) {
            this.pageList = List.copyOf(pageList);
            this.templates = templates;
            pageList.forEach(page -> pages.put(page.path(), page));
            this.freemarker = freemarker;
            this.store = store;
            this.config = config;
            this.settings = settings;
            this.shared = shared;
            this.fingerprints = fingerprints;
        }

        /** The site-relative path of every page, in the order {@link SiteRenderer#render} makes them. */
        public java.util.Set<String> paths() {
            return java.util.Collections.unmodifiableSet(pages.keySet());
        }

        /**
         * What every page of this site depends on (the site's templates, the settings, the interface text, which
         * sections exist): when it changes, any page may come out differently, or fail. Empty when it cannot be told.
         */
        public Optional<String> siteWide() {
            return fingerprints.global();
        }

        /**
         * Renders the page at {@code path} into {@code sink} (unless {@code reuse} takes it from an earlier render);
         * returns its template error as a problem, if it has one. Nothing happens for a path that is no page.
         */
        public Optional<Problem> render(String path, PageSink sink, PageReuse reuse) {
            Page page = pages.get(path);
            if (page == null) {
                return Optional.empty();
            }
            synchronized (SiteRenderer.class) { // JBake's registries are static: one render at a time per JVM
                return renderOne(page, sink, reuse).map(TemplateErrors::toProblem);
            }
        }

        /** Renders every page, as {@link #render(String, PageSink, PageReuse)} renders one; returns their template errors. */
        public List<Problem> renderAll(PageSink sink, PageReuse reuse) {
            synchronized (SiteRenderer.class) {
                // Pages are independent of each other and the store is read-only: render them in parallel.
                return pageList.parallelStream()
                        .map(page -> renderOne(page, sink, reuse))
                        .flatMap(Optional::stream)
                        .map(TemplateErrors::toProblem)
                        .distinct() // one mistake in post.ftl fails every week's page: say it once
                        .toList();
            }
        }

        private Optional<Throwable> renderOne(Page page, PageSink sink, PageReuse reuse) {
            return SiteRenderer.renderOne(page, freemarker, store, config, settings, shared, sink, fingerprints.of(page.content(), page.tag()), reuse);
        }
    }

    /** One page to render: where it goes, with which template, showing what. */
    private record Page(String path, String template, DocumentModel content, String tag) {
        static Page of(DocumentModel document, DefaultJBakeConfiguration config) {
            return new Page(document.getUri(), templateOf(config, document.getType()), document, null);
        }
    }

    private static void listPage(boolean wanted, String type, String file, DefaultJBakeConfiguration config, List<Page> pages) {
        if (wanted) {
            pages.add(new Page(file, templateOf(config, type), simpleModel(type, ""), null));
        }
    }

    private static String templateOf(DefaultJBakeConfiguration config, String type) {
        return config.getCompositeConfiguration().getString("template." + type + ".file", type + ".ftl");
    }

    /** What JBake's renderer gives a list page as {@code content}: its type and the way back to the site root. */
    private static DocumentModel simpleModel(String type, String rootPath) {
        DocumentModel content = new DocumentModel();
        content.setType(type);
        content.setRootPath(rootPath);
        return content;
    }

    private static Optional<Throwable> renderOne(Page page, Configuration freemarker, ArchiveContentStore store,
                                                 DefaultJBakeConfiguration config, Map<String, Object> settings, Map<String, Object> shared, PageSink pages,
                                                 PageReuse.Inputs inputs, PageReuse reuse) {
        try {
            if (reuse.reuse(page.path(), inputs)) {
                return Optional.empty();
            }
            TemplateModel model = new TemplateModel();
            model.setContent(page.content());
            model.setConfig(settings);
            model.setVersion(config.getVersion());
            model.putAll(shared); // t (the interface text, t.KEY), sections (which parts have anything to show), urls
            if (page.tag() != null) {
                model.setTag(page.tag());
            }
            Template template = freemarker.getTemplate(page.template());
            StringWriter rendered = new StringWriter();
            PageFingerprints.ReadingModel read = new PageFingerprints.ReadingModel(
                    new FreemarkerTemplateEngine.LazyLoadingModel(freemarker.getObjectWrapper(), model, store, config),
                    (freemarker.template.TemplateHashModelEx2) freemarker.getObjectWrapper().wrap(settings));
            template.process(read, rendered);
            pages.accept(page.path(), rendered.toString());
            read.reads().ifPresent(reads -> inputs.fingerprint(reads).ifPresent(f -> reuse.rendered(page.path(), reads, f)));
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e);
        }
    }

    private static DefaultJBakeConfiguration configuration(Input input) throws java.io.IOException {
        SiteProperties properties = new SiteProperties();
        properties.load(Theme.builtInProperties());
        if (input.ownProperties().isPresent()) {
            properties.load(input.ownProperties().get());
        }
        properties.setBaseUrl(input.baseUrl().orElseGet(() -> properties.get("site.host", "/")));
        properties.set("site.livereload", String.valueOf(input.liveReload()));
        properties.set("site.built", input.builtAt().toString());
        properties.set("site.lang", input.messages().language());
        if (properties.get("site.title", "").isBlank()) {
            properties.set("site.title", input.messages().get("siteTitle"));
        }
        if (properties.get("site.description", "").isBlank()) {
            properties.set("site.description", input.messages().get("siteDescription"));
        }
        return properties.toJBakeConfiguration();
    }

    /**
     * {@code freemarker} with every one of the site's own templates parsed now, next to when {@link #templatesKey} read
     * them: FreeMarker parses a template when a page first asks for it, and a configuration kept for the next edit
     * (because the templates' bytes are the same) must not read a file edited since. A template that does not parse is
     * left for its page to report.
     */
    private static Configuration parsedAtOnce(Configuration freemarker, Theme theme) {
        for (String name : theme.templates().keySet()) {
            if (name.endsWith(".ftl")) {
                try {
                    freemarker.getTemplate(name);
                } catch (java.io.IOException e) {
                    // reported by the page that uses it
                }
            }
        }
        return freemarker;
    }

    /** The site's own templates by name, path and bytes; empty if one cannot be read (its page will say why). */
    private static Optional<String> templatesKey(Theme theme) {
        Map<String, String> files = new java.util.TreeMap<>();
        try {
            for (Map.Entry<String, Path> template : theme.templates().entrySet()) {
                files.put(template.getKey(), template.getValue() + "\u0000" + ContentHash.ofBytes(java.nio.file.Files.readAllBytes(template.getValue())));
            }
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return Optional.of(files.toString());
    }

    /** FreeMarker as JBake sets it up, reading templates from the theme, formatting dates in UTC, and failing loudly. */
    private static Configuration freemarker(Theme theme) {
        // 2.3.33 semantics, for the object wrapper below that reads a record's components as properties.
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_33);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        // Dates are days without a zone, set at midnight UTC (WeekDocument): printed in UTC they are the
        // report's days, and the feed's timestamps are the same on every build machine.
        freemarker.setTimeZone(TimeZone.getTimeZone("UTC"));
        freemarker.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
        freemarker.setTemplateLoader(theme.templateLoader());
        freemarker.setObjectWrapper(objectWrapper());
        freemarker.setLocalizedLookup(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        return freemarker;
    }

    /** FreeMarker's default wrapper, with a record's components read as properties ({@code s.name}). */
    private static freemarker.template.ObjectWrapper objectWrapper() {
        freemarker.template.DefaultObjectWrapperBuilder builder = new freemarker.template.DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33);
        builder.setRecordZeroArgumentNonVoidMethodPolicy(freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        return builder.build();
    }

    /** JBake's model offers {@code published_dashboards} and the like for each document type: register ours. */
    private static void registerDocumentTypes(DefaultJBakeConfiguration config) {
        for (String type : config.getDocumentTypes()) {
            if (!DocumentTypes.contains(type)) {
                DocumentTypes.addDocumentType(type);
            }
            ModelExtractors.getInstance().registerExtractorsForCustomTypes(type);
        }
    }
}
