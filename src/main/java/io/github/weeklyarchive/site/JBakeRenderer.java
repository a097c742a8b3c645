package io.github.weeklyarchive.site;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jbake.app.Asset;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.render.DocumentsRenderer;
import org.jbake.render.IndexRenderer;
import org.jbake.render.RenderingTool;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;

/**
 * Renders the archive with JBake's {@link Renderer}, its FreeMarker engine and its rendering tools
 * (index, archive, feed, sitemap, tags, 404), the steps of {@code Oven.bake()} without its crawler
 * and database: the documents come from {@link ArchiveContentStore}.
 *
 * <p>Week pages are rendered here rather than by JBake's {@link DocumentsRenderer}, which looks up
 * prev/next per page in a list of all documents (quadratic, and sometimes wrong when the lookup
 * misses); our pages carry prev/next from the archive stage.
 *
 * <p>JBake keeps engines and document types in static registries: one render at a time per JVM.
 */
final class JBakeRenderer {

    static {
        // FreeMarker picks java.util.logging on its own and prints every template error with its stack trace
        // (51 lines for one mistake); through SLF4J it obeys our logback.xml, and we report the error in one line.
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "SLF4J");
        }
    }

    private JBakeRenderer() {
    }

    /**
     * Renders the weeks, our own pages (home, metrics, incidents, projects: each a document whose type
     * picks its template) and JBake's list pages, and copies the assets. Returns what failed.
     */
    static synchronized List<Throwable> render(JBakeConfiguration config, List<DocumentModel> weeks, List<DocumentModel> pages) {
        registerDocumentTypes(config);
        ArchiveContentStore store = new ArchiveContentStore();
        store.addAll(weeks);
        Renderer renderer = new Renderer(store, config);
        // Week pages are independent of each other and the store is read-only by now: render them in parallel.
        List<DocumentModel> documents = new ArrayList<>(weeks);
        documents.addAll(pages);
        List<Throwable> errors = new ArrayList<>(documents.parallelStream()
                .map(document -> renderOne(renderer, document))
                .flatMap(List::stream)
                .toList());
        for (RenderingTool tool : ServiceLoader.load(RenderingTool.class)) {
            if (tool instanceof DocumentsRenderer || tool instanceof IndexRenderer) {
                continue; // weeks and the home page are among the documents rendered above
            }
            try {
                tool.render(renderer, store, config);
            } catch (Exception e) {
                errors.add(e);
            }
        }
        Asset asset = new Asset(config);
        asset.copy();
        errors.addAll(asset.getErrors());
        return errors;
    }

    private static List<Throwable> renderOne(Renderer renderer, DocumentModel week) {
        try {
            renderer.render(week);
            return List.of();
        } catch (Exception e) {
            return List.of(e);
        }
    }

    /** What {@code Oven} does before a bake: document types from the configured templates, and the extractors that serve them. */
    private static void registerDocumentTypes(JBakeConfiguration config) {
        DocumentTypes.resetDocumentTypes();
        ModelExtractors.getInstance().reset();
        DocumentTypes.addListener(new ModelExtractorsDocumentTypeListener());
        for (String docType : config.getDocumentTypes()) {
            DocumentTypes.addDocumentType(docType);
        }
        DocumentTypes.addDocumentType(config.getDataFileDocType());
    }
}
