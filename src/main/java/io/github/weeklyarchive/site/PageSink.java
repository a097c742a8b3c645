package io.github.weeklyarchive.site;

import java.io.IOException;

/** Where rendered pages go: files of a site being built, or memory when {@code check} only looks at them. Called from several threads. */
@FunctionalInterface
public interface PageSink {

    /** Takes the text of the page at {@code path} (site-relative, forward slashes, e.g. {@code 2023/2023-02-24.html}). */
    void accept(String path, String text) throws IOException;
}
