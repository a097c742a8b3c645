package io.github.weeklyarchive.site;

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
 * back per page made a 1,000-week build several times slower than Hugo. Only the query methods JBake's
 * model extractors call ({@code published_posts}, {@code tags}, {@code tag_posts}, {@code all_content},
 * {@code data}…) are answered; nothing opens, caches or closes a database, since {@link SiteRenderer}
 * never asks it to. {@code JBakeContractTest} runs every extractor against this store.
 */
final class ArchiveContentStore extends ContentStore {

    private static final Comparator<DocumentModel> NEWEST_FIRST =
            Comparator.comparing(DocumentModel::getDate, Comparator.nullsLast(Comparator.reverseOrder()));

    private final List<DocumentModel> documents;

    ArchiveContentStore(Collection<DocumentModel> documents) {
        super("memory", "unused");
        List<DocumentModel> sorted = new ArrayList<>(documents);
        sorted.sort(NEWEST_FIRST);
        this.documents = List.copyOf(sorted);
    }

    @Override
    public DocumentList<DocumentModel> getDocumentByUri(String uri) {
        return select(d -> uri.equals(d.getSourceuri()));
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
