package io.github.weeklyarchive.report;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What a later stage extracted from each report (its numbers and incidents, its dated promises), kept with the report
 * between the builds of one {@code serve} session, or offered by the build cache. Extraction is a function of the
 * report and the stage's settings, and a session keeps an unchanged file's {@link Report} (the same object), so an edit
 * extracts from the edited report again, not from the whole archive.
 *
 * @param <T> what the stage extracts from one report
 */
public class FoundPerReport<T> {

    private final boolean keeping;
    private final Class<T> type;
    private final Map<Report, T> byReport = Collections.synchronizedMap(new IdentityHashMap<>());
    private final AtomicInteger extracted = new AtomicInteger();
    private Object settings;

    /** @param keeping false for a one-off build, which keeps nothing */
    protected FoundPerReport(boolean keeping, Class<T> type) {
        this.keeping = keeping;
        this.type = type;
    }

    /**
     * Before a build: forgets everything when the stage's settings changed, and the reports this build no longer has
     * (edited or deleted files), so nothing stale is kept nor held in memory.
     */
    public synchronized void dependOn(Object settings, Collection<Report> reports) {
        use(settings);
        Set<Report> current = Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(reports);
        byReport.keySet().retainAll(current);
    }

    /**
     * Before a build that the build cache serves: what an earlier run extracted from these reports with these settings,
     * as {@link #keptFor} gave it then. Anything else is ignored (the report is then extracted again).
     */
    public synchronized void offer(Object settings, Map<Report, Object> earlier) {
        use(settings);
        earlier.forEach((report, found) -> {
            if (type.isInstance(found)) {
                byReport.put(report, type.cast(found));
            }
        });
    }

    private void use(Object settings) {
        if (!settings.equals(this.settings)) {
            byReport.clear();
            this.settings = settings;
        }
    }

    /** What {@code report} gave, kept, or else {@code extract}ed now (and kept, when keeping). */
    public T get(Report report, Supplier<T> extract) {
        if (keeping) {
            T kept = byReport.get(report);
            if (kept != null) {
                return kept;
            }
        }
        extracted.incrementAndGet();
        T fresh = extract.get();
        if (keeping) {
            byReport.put(report, fresh);
        }
        return fresh;
    }

    /** What was found in {@code report} (extracted or offered), for the build cache to keep; empty if nothing is kept. */
    public Optional<Object> keptFor(Report report) {
        return Optional.ofNullable(byReport.get(report));
    }

    /** How many reports were extracted (not taken from what was kept) so far. */
    public int extractedCount() {
        return extracted.get();
    }
}
