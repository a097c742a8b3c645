package io.github.weeklyarchive.site;

import java.util.HashMap;
import java.util.Map;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

/**
 * JBake's content store, remembering the answer to {@code getAllContent(type)} until content changes.
 *
 * <p>Why: JBake's document renderer asks for all content of a type once per page to find prev/next,
 * which makes a bake quadratic in the number of weeks (measured: 2,000 weeks took 56 s). The list
 * does not change while pages render, so one query serves them all. Our templates take prev/next
 * from the archive stage, not from this list.
 */
final class MemoizingContentStore extends ContentStore {

    private final Map<String, DocumentList<DocumentModel>> allContentByType = new HashMap<>();

    MemoizingContentStore(String type, String name) {
        super(type, name);
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return allContentByType.computeIfAbsent(docType, super::getAllContent);
    }

    @Override
    public void addDocument(DocumentModel document) {
        allContentByType.clear();
        super.addDocument(document);
    }

    @Override
    public void deleteContent(String uri) {
        allContentByType.clear();
        super.deleteContent(uri);
    }

    @Override
    public void deleteAllByDocType(String docType) {
        allContentByType.clear();
        super.deleteAllByDocType(docType);
    }

    @Override
    public void drop() {
        allContentByType.clear();
        super.drop();
    }
}
