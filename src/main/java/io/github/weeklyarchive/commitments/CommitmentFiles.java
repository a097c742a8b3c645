package io.github.weeklyarchive.commitments;

import io.github.weeklyarchive.metrics.DataFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commitments as downloads: {@code data/commitments.csv} with the columns
 * {@code subject,action,made,due,status,resolved,source} (a contract other tools read; ISO dates; one row per due
 * date a commitment was given, in order, every one but the last {@code slipped}), and the same rows as JSON with
 * the weeks that mentioned each while its date stood.
 */
public final class CommitmentFiles {

    /** The files written, relative to the site: what pages may link to. */
    public static final List<String> FILES = List.of("data/commitments.csv", "data/commitments.json");

    static final List<String> COLUMNS = List.of("subject", "action", "made", "due", "status", "resolved", "source");

    private CommitmentFiles() {
    }

    /** Writes both files under {@code output/data}; nothing when the feature is turned off. */
    public static void write(CommitmentLog log, Path output) throws IOException {
        if (log.enabled()) {
            DataFiles.write(output, "commitments", COLUMNS, rows(log));
        }
    }

    static List<Map<String, Object>> rows(CommitmentLog log) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Commitment c : log.commitments()) {
            List<LocalDate> mentionWeeks = c.mentions().stream().map(Commitment.Mention::weekDate).toList();
            for (int i = 0; i < c.dues().size(); i++) {
                Commitment.Due due = c.dues().get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("subject", c.subject().shown());
                row.put("action", c.action());
                row.put("made", c.made().toString());
                row.put("due", due.date().toString());
                row.put("status", c.statusOf(i).id());
                row.put("resolved", c.resolvedOf(i).map(Object::toString).orElse(""));
                row.put("source", c.source());
                row.put("given", due.given().toString());
                row.put("givenAt", due.location());
                row.put("section", c.section());
                row.put("mentions", mentionsWhileStanding(c, mentionWeeks, i));
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The clauses that spoke of a commitment while its {@code i}th due date stood: from the week it was given until the
     * week the next one was. Each mention is in one row: a promise restated and moved every week for years would
     * otherwise list every week in every row (at 5,000 generated weeks, an 800 MB file). Mentions are in week order,
     * so the row's are a run of them, found by two binary searches.
     */
    private static List<String> mentionsWhileStanding(Commitment c, List<LocalDate> weeks, int i) {
        int from = firstOnOrAfter(weeks, c.dues().get(i).given());
        int until = i + 1 < c.dues().size() ? firstOnOrAfter(weeks, c.dues().get(i + 1).given()) : weeks.size();
        return c.mentions().subList(from, Math.max(from, until)).stream().map(Commitment.Mention::location).toList();
    }

    private static int firstOnOrAfter(List<LocalDate> sorted, LocalDate date) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).isBefore(date)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
