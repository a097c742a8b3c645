package io.github.weeklyarchive.site;

import io.github.weeklyarchive.archive.Week;
import io.github.weeklyarchive.commitments.Commitment;
import io.github.weeklyarchive.commitments.CommitmentLog;
import io.github.weeklyarchive.commitments.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jbake.model.DocumentModel;

/**
 * The pages about commitments: the commitments page (open ones by due date, then overdue, then kept), on each
 * week's page what fell due since the report before and what that report knew of it, and the home page's count.
 * Everything is worded here; templates only lay it out.
 */
final class CommitmentPages {

    private final CommitmentLog log;
    private final Messages messages;

    CommitmentPages(CommitmentLog log, Messages messages) {
        this.log = log;
        this.messages = messages;
    }

    /** Whether the section has anything to show: else it is left out of the navigation and the home page. */
    boolean hasAny() {
        return !log.commitments().isEmpty();
    }

    /** The commitments page, when the feature is on (its page says how to word a report when it is empty). */
    List<DocumentModel> documents() {
        if (!log.enabled()) {
            return List.of();
        }
        DocumentModel page = FigurePages.page("commitments", Urls.COMMITMENTS, messages.get("commitments"));
        Comparator<Commitment> byDue = Comparator.comparing(Commitment::due).thenComparing(c -> c.subject().shown());
        page.put("open", log.withStatus(Commitment.Status.OPEN).stream().sorted(byDue).map(this::row).toList());
        page.put("overdue", log.withStatus(Commitment.Status.OVERDUE).stream().sorted(byDue).map(this::row).toList());
        page.put("done", log.withStatus(Commitment.Status.DONE).stream()
                .sorted(Comparator.comparing((Commitment c) -> c.resolved().orElseThrow()).reversed().thenComparing(c -> c.subject().shown()))
                .map(this::row).toList());
        page.put("count", log.commitments().size());
        page.put("today", log.today().toString());
        return List.of(page);
    }

    /** For each week's page: what fell due since the report before it, and what that report knew of it. */
    Map<String, List<CommitmentViews.DueThisWeek>> dueByWeek(List<Week> weeks) {
        Map<String, List<CommitmentViews.DueThisWeek>> due = new HashMap<>();
        List<List<Commitment>> dueInEach = log.dueInEachWeek(weeks.stream().map(week -> week.report().date()).toList());
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate date = weeks.get(i).report().date();
            List<Commitment> dueThen = dueInEach.get(i);
            if (!dueThen.isEmpty()) {
                due.put(weeks.get(i).uri(), whenRead(() -> dueThen.stream().map(c -> dueThisWeek(c, date)).toList()));
            }
        }
        return due;
    }

    /**
     * A list made the first time it is read, then kept. Every week's document is made for a render, and serve makes them
     * on every save but renders only the page asked for: at 1,000 weeks, wording every week's due commitments was most
     * of the time the documents took. A page, or a fingerprint, that reads the list makes it.
     */
    private static <T> List<T> whenRead(java.util.function.Supplier<List<T>> make) {
        return new java.util.AbstractList<>() {
            private volatile List<T> made;

            private List<T> made() {
                List<T> known = made;
                if (known == null) {
                    synchronized (this) {
                        if (made == null) {
                            made = make.get();
                        }
                        known = made;
                    }
                }
                return known;
            }

            @Override
            public T get(int index) {
                return made().get(index);
            }

            @Override
            public int size() {
                return made().size();
            }
        };
    }

    /** The home page's count, for the latest report; empty when there is nothing to follow. */
    Optional<CommitmentViews.HomeCount> homeCount(List<Week> weeks) {
        if (!hasAny() || weeks.isEmpty()) {
            return Optional.empty();
        }
        LocalDate latest = weeks.get(weeks.size() - 1).report().date();
        Optional<LocalDate> before = weeks.size() > 1 ? Optional.of(weeks.get(weeks.size() - 2).report().date()) : Optional.empty();
        List<Commitment> due = log.dueBetween(before, latest);
        int done = (int) due.stream().filter(c -> doneBy(c, latest)).count();
        return Optional.of(new CommitmentViews.HomeCount(due.size(), done, log.withStatus(Commitment.Status.OPEN).size(),
                log.withStatus(Commitment.Status.OVERDUE).size()));
    }

    private CommitmentViews.DueThisWeek dueThisWeek(Commitment c, LocalDate reportDate) {
        String outcome;
        String outcomeClass;
        Optional<Commitment.Due> movedTo = c.dues().stream().filter(d -> !d.given().isAfter(reportDate)).reduce((a, b) -> b)
                .filter(d -> d.date().isAfter(reportDate));
        boolean doneInTime = doneBy(c, reportDate);
        if (doneInTime) {
            outcome = messages.get("doneOn", day(c.resolved().orElseThrow()));
            outcomeClass = "good";
        } else if (movedTo.isPresent()) {
            outcome = messages.get("movedTo", day(movedTo.get().date()));
            outcomeClass = "bad";
        } else {
            outcome = messages.get("noNews");
            outcomeClass = "neutral";
        }
        String later = "";
        if (!doneInTime) {
            later = switch (c.status()) {
                case DONE -> messages.get("doneLaterOn", day(c.resolved().orElseThrow()));
                case OVERDUE -> messages.get("stillOverdue", day(c.due()));
                default -> messages.get("stillOpen", day(c.due()));
            };
        }
        LocalDate dueInWeek = c.dues().stream().map(Commitment.Due::date).filter(d -> !d.isAfter(reportDate)).reduce((a, b) -> b).orElse(c.due());
        return new CommitmentViews.DueThisWeek(c.subject().shown(), c.action(), day(dueInWeek), outcome, outcomeClass, later,
                Urls.COMMITMENTS + "#" + anchorOf(c));
    }

    /** Whether a report on {@code date} or before it had said the commitment was done. */
    private String day(LocalDate date) {
        return messages.date(date, "dayFormat");
    }

    private static boolean doneBy(Commitment c, LocalDate date) {
        return c.mentions().stream().anyMatch(m -> m.kind() == Statement.Kind.DONE && !m.weekDate().isAfter(date));
    }

    private CommitmentViews.Row row(Commitment c) {
        String outcome = switch (c.status()) {
            case DONE -> messages.get(c.onTime() ? "keptOnTime" : "keptLate");
            case OVERDUE -> messages.get("overdueDays", String.valueOf(ChronoUnit.DAYS.between(c.due(), log.today())));
            default -> messages.get("dueIn", String.valueOf(ChronoUnit.DAYS.between(log.today(), c.due())));
        };
        if (c.dues().size() > 1) {
            outcome = outcome + " · " + messages.get("slippedTimes", String.valueOf(c.dues().size() - 1));
        }
        List<CommitmentViews.DueView> dues = c.dues().stream().map(d -> new CommitmentViews.DueView(day(d.date()),
                day(d.given()), !d.equals(c.dues().get(c.dues().size() - 1)))).toList();
        List<CommitmentViews.MentionView> mentions = c.mentions().stream().map(m -> new CommitmentViews.MentionView(m.week(),
                m.weekDate().toString(), m.weekUri() + (m.anchor().isEmpty() ? "" : "#" + m.anchor()),
                messages.get("said" + switch (m.kind()) {
                    case PROMISE -> "Promise";
                    case DONE -> "Done";
                    case SLIPPED -> "Slipped";
                }), m.text(), m.location())).toList();
        return new CommitmentViews.Row(c.subject().shown(), c.action(), c.section(), day(c.due()), c.status().id(), outcome,
                c.resolved().map(this::day).orElse(""), dues, mentions, anchorOf(c));
    }

    /** An id for a commitment on its page, the same on every build: the day it was made and a hash of where and what. */
    private static String anchorOf(Commitment c) {
        return "c-" + c.made() + "-" + Integer.toHexString((c.source() + c.subject().shown()).hashCode());
    }
}
