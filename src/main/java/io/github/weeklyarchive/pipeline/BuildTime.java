package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.report.Problem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The time a build says it was made, where a page needs one (the feed of a site with no weeks yet).
 * Never the clock: two builds of the same input are byte-identical. {@code SOURCE_DATE_EPOCH} (seconds
 * since 1970, the reproducible-builds convention) wins; else the newest week's date; else the epoch.
 */
final class BuildTime {

    private BuildTime() {
    }

    static Instant of(Archive archive, String sourceDateEpoch, List<Problem> problems) {
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip()));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                problems.add(Problem.warning("SOURCE_DATE_EPOCH", 0, "'" + sourceDateEpoch
                        + "' is not a number of seconds since 1970; ignored (the newest week's date is used)"));
            }
        }
        if (archive.weeks().isEmpty()) {
            return Instant.EPOCH;
        }
        return archive.weeks().get(archive.weeks().size() - 1).report().date().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
