package io.github.weeklyarchive.serve;

import io.github.weeklyarchive.pipeline.WorkFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The temporary folder {@code serve} builds the site into, in the system's temporary folder. A preview
 * is thrown away when serve stops: {@link #delete(PrintWriter)} removes the folder and everything in it.
 * A serve killed outright ({@code kill -9}) cannot clean up: the next serve removes the folders of dead
 * ones, and only those (see {@link WorkFolder}).
 */
public final class PreviewFolder {

    private static final String PREFIX = "weekly-archive-preview-";

    private final WorkFolder folder;

    private PreviewFolder(WorkFolder folder) {
        this.folder = folder;
    }

    public static PreviewFolder create() throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A preview folder in {@code temporary}, after removing what killed serves left there. */
    static PreviewFolder create(Path temporary) throws IOException {
        WorkFolder.removeDead(temporary, PREFIX + "*", leftover -> { });
        return new PreviewFolder(WorkFolder.createIn(temporary, PREFIX, "a weekly-archive serve preview; removed when that serve stops"));
    }

    /** Where serve writes the files it makes on request that it does not keep in memory (the search index, the data files, the assets). */
    public Path site() {
        return folder.path().resolve("site");
    }

    /** Deletes the folder and everything in it; what cannot be deleted is left, and said so on {@code err}. */
    public void delete(PrintWriter err) {
        folder.close();
        if (Files.exists(folder.path(), LinkOption.NOFOLLOW_LINKS)) {
            err.println("could not delete the preview folder " + folder.path());
        }
    }
}
