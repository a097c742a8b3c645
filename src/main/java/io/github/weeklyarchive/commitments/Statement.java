package io.github.weeklyarchive.commitments;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What one clause of a report says about a dated piece of work: a promise ({@code 预计2/28系统上线}), that it is
 * done ({@code 已于2/28上线}, {@code 上线完成}) or that it slipped ({@code 上线延期至3/7}, {@code 推迟}).
 *
 * @param date   the due date of a promise, the new date of a slip (if it gives one), the day a thing was done (if stated)
 * @param verbs  the actions the clause names ({@code 切量}, {@code 完成}), for telling two pieces of work on one item apart
 * @param line   1-based line in the report's file
 * @param text   the line as written, for readers
 * @param anchor the id of the heading the line sits under on the week's page, or empty
 */
public record Statement(Kind kind, Subject subject, String action, Set<String> verbs, Optional<LocalDate> date, String section,
                        String source, int line, String text, String anchor) {

    public enum Kind { PROMISE, DONE, SLIPPED }

    public Statement {
        verbs = Set.copyOf(verbs);
    }

    public String location() {
        return source + ":" + line;
    }

    /**
     * Whether this clause is about the same action as {@code promised}: they share an action other than the
     * generic {@code 完成} (a launch is not done because some development was {@code 完成}); a promise only to
     * {@code 完成} is kept by a clause that says {@code 完成}. A slip that names no action applies to its subject.
     */
    boolean sameActionAs(Set<String> promised) {
        if (kind == Kind.SLIPPED && verbs.isEmpty()) {
            return true;
        }
        // Loops, not streams: following 1,000 weeks asks this millions of times (serve, on every save).
        boolean specific = false;
        for (String v : promised) {
            specific |= !v.equals(GENERIC);
        }
        if (!specific) {
            return verbs.contains(GENERIC);
        }
        for (String v : verbs) {
            if (!v.equals(GENERIC) && promised.contains(v)) {
                return true;
            }
        }
        return false;
    }

    static final String GENERIC = "完成";
}
