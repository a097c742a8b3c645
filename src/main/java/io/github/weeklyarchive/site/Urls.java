package io.github.weeklyarchive.site;

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
        return Map.of("metrics", METRICS, "incidents", INCIDENTS, "projects", PROJECTS, "search", SEARCH,
                "metricsCsv", DataFiles.FILES.get(0), "metricsJson", DataFiles.FILES.get(1),
                "incidentsCsv", DataFiles.FILES.get(2), "incidentsJson", DataFiles.FILES.get(3));
    }
}
