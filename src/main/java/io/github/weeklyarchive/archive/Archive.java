package io.github.weeklyarchive.archive;

import io.github.weeklyarchive.report.DateFinder;
import io.github.weeklyarchive.report.DateSource;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All reports of a site in date order, each linked to the weeks before and after it.
 * Prev/next are computed here once, in linear time, rather than looked up per page in JBake's
 * database, which is quadratic and sometimes wrong (see DESIGN.md).
 *
 * @param weeks oldest first
 */
public record Archive(List<Week> weeks) {

    public Archive {
        weeks = List.copyOf(weeks);
    }

    /** The archive and the problems found while putting it together. */
    public record Assembled(Archive archive, List<Problem> problems) {
        public Assembled {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Orders {@code reports} by date and links neighbours. Drafts are left out unless asked for.
     * Two reports on one date are an error: the first by path keeps the date's address, the other is reported.
     */
    public static Assembled assemble(List<Report> reports, boolean includeDrafts) {
        List<Problem> problems = new ArrayList<>();
        Map<LocalDate, Report> byDate = new LinkedHashMap<>();
        reports.stream()
                .filter(r -> includeDrafts || !r.draft())
                .sorted(Comparator.comparing(Report::date).thenComparing(Report::source))
                .forEach(report -> {
                    Report earlier = byDate.putIfAbsent(report.date(), report);
                    if (earlier != null) {
                        boolean oneCommit = report.dateSource() == DateSource.GIT && earlier.dateSource() == DateSource.GIT;
                        problems.add(Problem.error(report.source(), 1, "this report (dated by " + report.dateSource().where() + ") and "
                                + earlier.source() + " (dated by " + earlier.dateSource().where() + ") are both dated " + report.date()
                                + fileNameHint(report) + "; each week needs its own date: "
                                + (oneCommit ? "both were added to git that day, so give each a date: line in front matter"
                                        : "correct the date in one of them")
                                + ", or, if one is not a weekly report, mark it draft: true or leave it out (content.exclude)"));
                    }
                });
        List<Report> ordered = List.copyOf(byDate.values());
        List<Week> weeks = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            Report report = ordered.get(i);
            Optional<Week.Link> previous = i > 0 ? Optional.of(linkTo(ordered.get(i - 1))) : Optional.empty();
            Optional<Week.Link> next = i + 1 < ordered.size() ? Optional.of(linkTo(ordered.get(i + 1))) : Optional.empty();
            weeks.add(new Week(report, Week.uriFor(report.date()), previous, next));
        }
        return new Assembled(new Archive(weeks), problems);
    }

    /** A title copied from last week keeps last week's date; the file name often still tells the right one. */
    private static String fileNameHint(Report report) {
        String name = java.nio.file.Path.of(report.source()).getFileName().toString();
        return DateFinder.inFileName(name.replaceFirst("\\.[^.]*$", "")).date()
                .filter(date -> !date.equals(report.date()))
                .map(date -> " (its file name says " + date + ")")
                .orElse("");
    }

    private static Week.Link linkTo(Report report) {
        return new Week.Link(Week.uriFor(report.date()), report.title(), report.badge(), report.date().toString());
    }
}
