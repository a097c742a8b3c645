package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.LocalAddress;
import io.github.weeklyarchive.report.Report;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the files beside the reports (images, PDFs) are published. All of them are, so a report's
 * relative links keep working, except a file that only drafts left out of the site refer to: a draft's
 * screenshot is as private as the draft.
 */
final class Attachments {

    /** A link or image address in a rendered report: our renderer always writes double-quoted attributes. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:href|src)=\"([^\"]*)");

    private Attachments() {
    }

    /**
     * @param attachments  the files, relative to the content folder
     * @param reports      every report read, drafts included
     * @param withDrafts   whether drafts are published in this build
     * @param contentShown the content folder as reports' source paths begin ({@code content})
     */
    static List<Path> published(List<Path> attachments, List<Report> reports, boolean withDrafts, String contentShown) {
        if (withDrafts || reports.stream().noneMatch(Report::draft)) {
            return attachments; // no draft is left out: nothing to read through
        }
        Set<Path> fromPublished = new HashSet<>();
        Set<Path> fromDrafts = new HashSet<>();
        for (Report report : reports) {
            (report.draft() ? fromDrafts : fromPublished).addAll(referencedBy(report, Path.of(contentShown)));
        }
        return attachments.stream()
                .filter(file -> fromPublished.contains(file) || !fromDrafts.contains(file))
                .toList();
    }

    /** Files under the content folder that a report links to or shows, relative to that folder. */
    static Set<Path> referencedBy(Report report, Path content) {
        Set<Path> files = new HashSet<>();
        Matcher m = REFERENCE.matcher(report.html());
        while (m.find()) {
            LocalAddress.resolve(report.source(), m.group(1)).map(Path::of)
                    .filter(file -> file.startsWith(content))
                    .ifPresent(file -> files.add(content.relativize(file)));
        }
        return files;
    }
}
