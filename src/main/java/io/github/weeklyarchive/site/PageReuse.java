package io.github.weeklyarchive.site;

import java.util.Optional;

/**
 * Pages an earlier build made, which a build may take as they are instead of rendering them again: asked
 * before each page is rendered, told after each page that was. Called from several threads.
 *
 * <p>What a page was made from is observed, not assumed: while a page renders, the names its template reads
 * from the model are recorded ({@code content} and the site-wide settings, the lists of all weeks, the tag
 * of a tag page), and the page's fingerprint is the hash of exactly those inputs. So a custom template that
 * lists every week on each week's page is rendered again whenever any week changes, and the built-in
 * {@code post.ftl}, which reads only its own week, only when that week (or its neighbours' links) does.
 */
public interface PageReuse {

    /** What a page is about to be made from. */
    interface Inputs {
        /**
         * The fingerprint of the inputs named by {@code reads} (as given to {@link #rendered}) as they are now:
         * equal to a recorded one exactly when the page would come out the same. Empty when something in them
         * cannot be fingerprinted: the page is then always rendered.
         */
        Optional<String> fingerprint(String reads);
    }

    /**
     * Puts the page at {@code path} in place from an earlier build if that one was made from the same inputs
     * (compare {@code inputs.fingerprint} of what it read then with what it recorded); true if it did, and the
     * page is not rendered.
     */
    boolean reuse(String path, Inputs inputs);

    /** The page at {@code path} was rendered and written, reading {@code reads}, whose fingerprint is {@code fingerprint}. */
    void rendered(String path, String reads, String fingerprint);

    /** Every page rendered, nothing recorded. */
    PageReuse NONE = new PageReuse() {
        @Override
        public boolean reuse(String path, Inputs inputs) {
            return false;
        }

        @Override
        public void rendered(String path, String reads, String fingerprint) {
        }
    };
}
