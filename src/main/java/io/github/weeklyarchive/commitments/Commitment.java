package io.github.weeklyarchive.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A dated promise followed across the weeks: what it is about, each due date it was given (the first, then one
 * per slip), the weeks that spoke of it, and what became of it by the build's day.
 *
 * @param made       the date of the report that first made it
 * @param dues       the due dates in the order they were given; the last is the one that stands
 * @param resolved   the day it was done: the date the report gives ({@code 已于2/28上线}), else that report's date
 * @param onTime     done by its last due date, as far as the reports can tell: on a stated day no later than it, or
 *                   said done in the first report after it
 * @param mentions   every clause that spoke of it, the first one first
 */
public record Commitment(Subject subject, String action, String section, LocalDate made, List<Due> dues, Status status,
                         Optional<LocalDate> resolved, boolean onTime, List<Mention> mentions) {

    public Commitment {
        dues = List.copyOf(dues);
        mentions = List.copyOf(mentions);
    }

    /** What became of a commitment: {@code slipped} is only ever the status of a due date that a later one replaced. */
    public enum Status {
        OPEN, DONE, SLIPPED, OVERDUE;

        /** As written in the data files: {@code open|done|slipped|overdue}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A due date and the report that gave it.
     *
     * @param given the date of that report
     */
    public record Due(LocalDate date, LocalDate given, String location) {
    }

    /**
     * A report's clause about the commitment, with the week it is in.
     *
     * @param weekUri the week's page; {@code anchor} the heading the clause sits under there
     */
    public record Mention(Statement.Kind kind, LocalDate weekDate, String week, String weekUri, String anchor, String location,
                          String text, Optional<LocalDate> date) {
    }

    public LocalDate due() {
        return dues.get(dues.size() - 1).date();
    }

    /** The first mention's place in its file, {@code path:line}: the {@code source} column of the data files. */
    public String source() {
        return mentions.get(0).location();
    }

    public boolean slipped() {
        return dues.size() > 1 || mentions.stream().anyMatch(m -> m.kind() == Statement.Kind.SLIPPED);
    }

    /**
     * The status of each due date in turn: every one a later date replaced is {@code slipped}; the last has the
     * commitment's own status. One row each in the data files.
     */
    public Status statusOf(int dueIndex) {
        return dueIndex < dues.size() - 1 ? Status.SLIPPED : status;
    }

    /** When a due date stopped standing: the date of the report that gave the next, or the day it was done. */
    public Optional<LocalDate> resolvedOf(int dueIndex) {
        return dueIndex < dues.size() - 1 ? Optional.of(dues.get(dueIndex + 1).given()) : resolved;
    }
}
