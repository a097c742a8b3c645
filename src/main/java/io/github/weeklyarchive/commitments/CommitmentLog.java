package io.github.weeklyarchive.commitments;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.report.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every dated commitment of an archive, followed from the week it was made: each later report is read for what
 * it says of the open ones (done, slipped, a new date), by subject and action. Matching is conservative: a clause
 * that could be about two commitments is about neither, since a wrong "done" is worse than no news; nor is a
 * commitment whose due date passed more than {@link #SILENCE} before the report matched (after months of silence a
 * like-worded line is more likely other work: a holiday notice of December is not June's, moved). A commitment
 * not done by its due date is overdue on {@code today}, the build's own day (never the clock, so builds repeat).
 *
 * @param enabled     false when {@code metrics.yaml} turns the feature off
 * @param commitments in the order they were made
 * @param today       the day overdue is judged on
 * @param problems    promises that could not be followed, at their line
 */
public record CommitmentLog(boolean enabled, List<Commitment> commitments, LocalDate today, List<Problem> problems) {

    public CommitmentLog {
        commitments = List.copyOf(commitments);
        problems = List.copyOf(problems);
    }

    /** How long after its due date a commitment may still be spoken of by a later report. */
    static final java.time.Period SILENCE = java.time.Period.ofWeeks(8);

    public static CommitmentLog none() {
        return new CommitmentLog(false, List.of(), LocalDate.EPOCH, List.of());
    }

    /** Reads every week and follows what each says, oldest first. */
    public static CommitmentLog of(Archive archive, CommitmentsConfig config, LocalDate today) {
        return of(archive, config, today, Statements.none());
    }

    /** As {@link #of(Archive, CommitmentsConfig, LocalDate)}, taking what unchanged reports said from {@code kept}. */
    public static CommitmentLog of(Archive archive, CommitmentsConfig config, LocalDate today, Statements kept) {
        if (!config.enabled()) {
            return new CommitmentLog(false, List.of(), today, List.of());
        }
        kept.dependOn(config, archive.weeks().stream().map(Week::report).toList());
        // One thread: the build runs this beside the figures' parallel stream (SiteBuilder.load), which keeps the other
        // core busy. A parallel stream here too made two outside threads wait on the common pool's single worker (two
        // cores), and a waiting outside thread spins in ForkJoinPool.helpComplete: 11% of a 5,000-week build's samples.
        List<Said> saidByWeek = archive.weeks().stream().map(w -> kept.get(w.report(), () -> said(w.report(), config))).toList();
        List<Problem> problems = saidByWeek.stream().flatMap(s -> s.problems().stream()).toList();
        List<List<Statement>> said = saidByWeek.stream().map(Said::statements).toList();
        List<Tracked> all = new ArrayList<>();
        List<Tracked> live = new ArrayList<>(); // those a report may still speak of: a long archive compares each line with few
        LocalDate previousReport = null;
        for (int i = 0; i < archive.weeks().size(); i++) {
            Week week = archive.weeks().get(i);
            LocalDate written = week.report().date();
            live.removeIf(t -> t.done || t.dues.get(t.dues.size() - 1).date().plus(SILENCE).isBefore(written.minusDays(1)));
            for (Statement s : said.get(i)) {
                follow(s, week, previousReport, live).ifPresent(all::add);
            }
            previousReport = written;
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line)); // the same order on every run
        return new CommitmentLog(true, all.stream().map(t -> t.freeze(today)).toList(), today, sorted);
    }

    /** What one report said of dated work, and the promises in it that could not be followed: a function of the report and the settings. */
    private record Said(List<Statement> statements, List<Problem> problems) {
    }

    private static Said said(io.github.weeklyarchive.report.Report report, CommitmentsConfig config) {
        List<Problem> problems = new ArrayList<>();
        return new Said(List.copyOf(CommitmentExtractor.extract(report, config, problems)), List.copyOf(problems));
    }

    /**
     * What each report said of dated work, kept with the report: see {@link FoundPerReport}. Its settings are the
     * {@link CommitmentsConfig}. Following the statements across weeks is cheap and is done on every build.
     */
    public static final class Statements extends io.github.weeklyarchive.report.FoundPerReport<Said> {
        private Statements(boolean keeping) {
            super(keeping, Said.class);
        }

        /** For a session of several builds, or a build the build cache serves. */
        public static Statements keeping() {
            return new Statements(true);
        }

        /** Nothing kept: a one-off build. */
        public static Statements none() {
            return new Statements(false);
        }
    }

    /** Commitments that had a due date in {@code (after, upTo]}: what was due by a report, since the one before it. */
    public List<Commitment> dueBetween(Optional<LocalDate> after, LocalDate upTo) {
        return commitments.stream()
                .filter(c -> c.dues().stream().anyMatch(d -> !d.date().isAfter(upTo) && after.map(a -> d.date().isAfter(a)).orElse(true)))
                .sorted(Comparator.comparing((Commitment c) -> firstDueIn(c, after, upTo)).thenComparing(c -> c.subject().shown()))
                .toList();
    }

    /**
     * {@link #dueBetween} for every week at once: for each of {@code weekDates} (ascending), the commitments with a due
     * date after the week before and up to it, in the same order. Each due date is placed in its week by a binary
     * search, so the work grows with the due dates, not with weeks times due dates (a promise moved every week for
     * years made each of 5,000 week pages read all of its dates).
     */
    public List<List<Commitment>> dueInEachWeek(List<LocalDate> weekDates) {
        record FirstDue(Commitment commitment, LocalDate date) {
        }
        List<List<FirstDue>> due = new ArrayList<>();
        weekDates.forEach(d -> due.add(new ArrayList<>()));
        for (Commitment c : commitments) {
            Set<Integer> weeksOfThis = new java.util.HashSet<>(); // a commitment once a week, at its first due date there
            for (Commitment.Due d : c.dues()) {
                int week = java.util.Collections.binarySearch(weekDates, d.date());
                week = week >= 0 ? week : -week - 1; // the first week on or after the due date
                if (week < weekDates.size() && weeksOfThis.add(week)) {
                    due.get(week).add(new FirstDue(c, d.date()));
                }
            }
        }
        // Sorted as dueBetween sorts (a stable sort of the same order), without hashing a commitment.
        Comparator<FirstDue> order = Comparator.comparing(FirstDue::date).thenComparing(f -> f.commitment().subject().shown());
        return due.stream().map(week -> week.stream().sorted(order).map(FirstDue::commitment).toList()).toList();
    }

    private static LocalDate firstDueIn(Commitment c, Optional<LocalDate> after, LocalDate upTo) {
        return c.dues().stream().map(Commitment.Due::date)
                .filter(d -> !d.isAfter(upTo) && after.map(d::isAfter).orElse(true)).findFirst().orElse(upTo);
    }

    public List<Commitment> withStatus(Commitment.Status status) {
        return commitments.stream().filter(c -> c.status() == status).toList();
    }

    /** Applies what {@code s} says to the commitment it speaks of; returns a commitment it makes, also added to {@code all}. */
    private static Optional<Tracked> follow(Statement s, Week week, LocalDate previousReport, List<Tracked> all) {
        LocalDate written = week.report().date();
        // Done and slipped speak of earlier promises; a promise may repeat one made earlier or in the same report.
        Optional<Tracked> match = bestMatch(s, all, s.kind() == Statement.Kind.PROMISE ? written : written.minusDays(1));
        Commitment.Mention mention = new Commitment.Mention(s.kind(), written, week.report().displayWeek(), week.uri(), s.anchor(),
                s.location(), s.text(), s.date());
        if (match.isEmpty()) {
            if (s.kind() != Statement.Kind.DONE && s.date().isPresent() && !s.date().get().isBefore(written)
                    && !ambiguous(s, all, written)) {
                Tracked made = new Tracked(s, written, mention);
                all.add(made);
                return Optional.of(made);
            }
            return Optional.empty();
        }
        Tracked t = match.get();
        t.mentions.add(mention);
        switch (s.kind()) {
            case DONE -> {
                t.done = true;
                t.resolved = s.date().orElse(written);
                LocalDate due = t.dues.get(t.dues.size() - 1).date();
                // Said done in the first report after the due date: on time as far as weekly reports can tell.
                t.onTime = !t.resolved.isAfter(due) || s.date().isEmpty() && previousReport != null && previousReport.isBefore(due);
            }
            case SLIPPED, PROMISE -> s.date().filter(d -> !d.equals(t.dues.get(t.dues.size() - 1).date()) && !d.isBefore(written))
                    .ifPresent(d -> t.dues.add(new Commitment.Due(d, written, s.location())));
        }
        return Optional.empty();
    }

    /** The open commitment {@code s} speaks of, made on or before {@code madeBy}, when exactly one fits best. */
    private static Optional<Tracked> bestMatch(Statement s, List<Tracked> all, LocalDate madeBy) {
        Tracked best = null;
        double bestScore = 0;
        double second = 0;
        for (Tracked t : all) {
            LocalDate due = t.dues.get(t.dues.size() - 1).date();
            if (t.done || t.made.isAfter(madeBy) || due.plus(SILENCE).isBefore(madeBy) || !s.sameActionAs(t.verbs)) {
                continue;
            }
            double score = t.subject.likeness(s.subject());
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = t;
            } else if (score > second) {
                second = score;
            }
        }
        if (best == null || bestScore - second < 0.05) {
            return Optional.empty(); // nothing fits, or two fit as well: no news rather than a guess
        }
        return Optional.of(best);
    }

    /** Whether a new promise would be a second copy of work already followed that it cannot be told from. */
    private static boolean ambiguous(Statement s, List<Tracked> all, LocalDate written) {
        return all.stream().filter(t -> !t.done && !t.made.isAfter(written) && s.sameActionAs(t.verbs))
                .filter(t -> t.subject.likeness(s.subject()) > 0).count() > 1;
    }

    /** A commitment while the weeks are read. */
    private static final class Tracked {
        final Subject subject;
        final String action;
        final Set<String> verbs;
        final String section;
        final LocalDate made;
        final List<Commitment.Due> dues = new ArrayList<>();
        final List<Commitment.Mention> mentions = new ArrayList<>();
        boolean done;
        boolean onTime;
        LocalDate resolved;

        Tracked(Statement first, LocalDate written, Commitment.Mention mention) {
            subject = first.subject();
            action = first.action();
            verbs = new LinkedHashSet<>(first.verbs());
            section = first.section();
            made = written;
            dues.add(new Commitment.Due(first.date().orElseThrow(), written, first.location()));
            mentions.add(mention);
        }

        Commitment freeze(LocalDate today) {
            LocalDate due = dues.get(dues.size() - 1).date();
            Commitment.Status status = done ? Commitment.Status.DONE
                    : due.isBefore(today) ? Commitment.Status.OVERDUE : Commitment.Status.OPEN;
            return new Commitment(subject, action, section, made, dues, status, Optional.ofNullable(resolved), done && onTime, mentions);
        }
    }
}
