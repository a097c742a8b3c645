package io.github.weeklyarchive.site;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;

/**
 * JBake's content store, answered from the archive in memory instead of from an OrientDB database.
 *
 * <p>Why: our report stage already holds every document, ordered and checked. Starting OrientDB costs
 * 2 to 2.5 s per build (most of a small site's build), and loading documents into it and querying them
 * back per page made a 1,000-week build several times slower than Hugo. Templates and JBake's renderers
 * only ever call the public query methods overridden here, so they see the same model either way.
 */
final class ArchiveContentStore extends ContentStore {

    private static final Comparator<DocumentModel> NEWEST_FIRST =
            Comparator.comparing(DocumentModel::getDate, Comparator.nullsLast(Comparator.reverseOrder()));

    private final List<DocumentModel> documents = new ArrayList<>();

    ArchiveContentStore() {
        super("memory", "unused");
    }

    @Override
    public void addDocument(DocumentModel document) {
        documents.add(document);
        documents.sort(NEWEST_FIRST);
    }

    void addAll(Collection<DocumentModel> all) {
        documents.addAll(all);
        documents.sort(NEWEST_FIRST);
    }

    // Nothing to open, create, cache or close: the archive is the store.
    @Override
    public void startup() {
    }

    @Override
    public void close() {
    }

    @Override
    public void shutdown() {
    }

    @Override
    public void drop() {
        documents.clear();
    }

    @Override
    public void updateAndClearCacheIfNeeded(boolean needed, File templateFolder) {
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public void markContentAsRendered(DocumentModel document) {
    }

    @Override
    public void deleteContent(String uri) {
        documents.removeIf(d -> uri.equals(d.getSourceuri()));
    }

    @Override
    public void deleteAllByDocType(String docType) {
        documents.removeIf(d -> docType.equals(d.getType()));
    }

    @Override
    public long getDocumentCount(String docType) {
        return documents.stream().filter(ofType(docType)).count();
    }

    @Override
    public long getPublishedCount(String docType) {
        return documents.stream().filter(ofType(docType).and(published())).count();
    }

    @Override
    public DocumentList<DocumentModel> getDocumentByUri(String uri) {
        return select(d -> uri.equals(d.getSourceuri()));
    }

    @Override
    public DocumentList<DocumentModel> getDocumentStatus(String uri) {
        return getDocumentByUri(uri);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts() {
        return getPublishedContent("post");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts(boolean applyPaging) {
        DocumentList<DocumentModel> posts = getPublishedContent("post");
        return applyPaging ? page(posts) : posts;
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPostsByTag(String tag) {
        return select(ofType("post").and(published()).and(tagged(tag)));
    }

    @Override
    public DocumentList<DocumentModel> getPublishedDocumentsByTag(String tag) {
        return select(published().and(tagged(tag)));
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPages() {
        return getPublishedContent("page");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedContent(String docType) {
        return select(ofType(docType).and(published()));
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return select(ofType(docType));
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType, boolean applyPaging) {
        DocumentList<DocumentModel> all = getAllContent(docType);
        return applyPaging ? page(all) : all;
    }

    @Override
    public DocumentList<DocumentModel> getUnrenderedContent() {
        return select(d -> !Boolean.TRUE.equals(d.getRendered()));
    }

    @Override
    public Set<String> getTags() {
        return tagsOf(ofType("post").and(published()));
    }

    @Override
    public Set<String> getAllTags() {
        return tagsOf(published());
    }

    private Set<String> tagsOf(Predicate<DocumentModel> filter) {
        Set<String> tags = new TreeSet<>();
        documents.stream().filter(filter).forEach(d -> tags.addAll(Arrays.asList(tagsOf(d))));
        return tags;
    }

    private DocumentList<DocumentModel> select(Predicate<DocumentModel> filter) {
        DocumentList<DocumentModel> selected = new DocumentList<>();
        documents.stream().filter(filter).forEach(selected::add);
        return selected;
    }

    private DocumentList<DocumentModel> page(DocumentList<DocumentModel> all) {
        if (getStart() < 0 || getLimit() < 0) {
            return all;
        }
        DocumentList<DocumentModel> page = new DocumentList<>();
        all.stream().skip(getStart()).limit(getLimit()).forEach(page::add);
        return page;
    }

    private static Predicate<DocumentModel> ofType(String docType) {
        return d -> Objects.equals(docType, d.getType());
    }

    private static Predicate<DocumentModel> published() {
        return d -> ModelAttributes.Status.PUBLISHED.equals(d.getStatus());
    }

    private static Predicate<DocumentModel> tagged(String tag) {
        return d -> Arrays.asList(tagsOf(d)).contains(tag);
    }

    private static String[] tagsOf(DocumentModel document) {
        String[] tags = document.getTags();
        return tags == null ? new String[0] : tags;
    }
}
