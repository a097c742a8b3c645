package io.github.weeklyarchive.site;

import io.github.weeklyarchive.commitments.CommitmentFiles;
import io.github.weeklyarchive.metrics.DataFiles;
import java.util.Map;

/**
 * The addresses of the site's pages, made in one place: the Java that builds the pages uses these, and
 * templates read the same as {@code urls.*} ({@code ${base}${urls.metrics}}). Weeks are at
 * {@code Week.uriFor(date)} and charts at {@code ChartFiles}, next to what makes them. All are relative
 * to the site's root, so they follow the base URL.
 */
public final class Urls {

    public static final String METRICS = "metrics/index.html";
    public static final String INCIDENTS = "incidents/index.html";
    public static final String PROJECTS = "projects/index.html";
    public static final String SEARCH = "search/index.html";
    public static final String COMMITMENTS = "commitments/index.html";

    private Urls() {
    }

    public static String metric(String id) {
        return "metrics/" + id + ".html";
    }

    public static String project(String id) {
        return "projects/" + id + ".html";
    }

    /** What templates see as {@code urls}. */
    static Map<String, String> forTemplates() {
        return Map.ofEntries(Map.entry("metrics", METRICS), Map.entry("incidents", INCIDENTS), Map.entry("projects", PROJECTS),
                Map.entry("search", SEARCH), Map.entry("commitments", COMMITMENTS),
                Map.entry("metricsCsv", DataFiles.FILES.get(0)), Map.entry("metricsJson", DataFiles.FILES.get(1)),
                Map.entry("incidentsCsv", DataFiles.FILES.get(2)), Map.entry("incidentsJson", DataFiles.FILES.get(3)),
                Map.entry("commitmentsCsv", CommitmentFiles.FILES.get(0)), Map.entry("commitmentsJson", CommitmentFiles.FILES.get(1)));
    }
}
