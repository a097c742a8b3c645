package io.github.weeklyarchive.serve;

import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.pipeline.SourceFolder;
import io.github.weeklyarchive.report.ReportParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;

/**
 * The page of the report edited last: where an author who runs {@code serve} wants to look first, since it is
 * the week being written. Found by the files' modification times; its address is derived from its date, as
 * every week page's is ({@link Week#uriFor}).
 */
public final class LastEdited {

    private LastEdited() {
    }

    /** The site-relative address of the last edited report's page in the served {@code site}, if there is one. */
    public static Optional<String> page(Path source, PreviewServer.Site site) {
        SourceFolder folder = SourceFolder.of(source);
        Optional<Path> newest = folder.files(folder.content(), new ArrayList<>()).stream()
                .filter(SourceFolder::isMarkdown)
                .filter(file -> !folder.excluded(file))
                .max(Comparator.comparing(LastEdited::modified));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ReportParser.parse(folder.shown(newest.get()), Files.readAllBytes(newest.get())).report()
                    .map(report -> Week.uriFor(report.date()))
                    .filter(uri -> isServed(site, uri)); // a draft is not in the preview unless --drafts
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isServed(PreviewServer.Site site, String uri) {
        try {
            return site.read(uri).isPresent();
        } catch (IOException e) {
            return true; // a page that fails is still the one edited last: the preview shows why
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
