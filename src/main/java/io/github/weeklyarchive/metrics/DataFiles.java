package io.github.weeklyarchive.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The archive's numbers as downloads: {@code data/metrics.csv} and {@code data/incidents.csv}
 * (RFC 4180, UTF-8, CRLF), and the same rows as JSON. Column names are a contract other tools read.
 */
public final class DataFiles {

    /** The files written, relative to the site: what pages may link to. */
    public static final List<String> FILES = List.of("data/metrics.csv", "data/metrics.json", "data/incidents.csv", "data/incidents.json");

    static final List<String> METRIC_COLUMNS = List.of("date", "week", "metric", "value", "unit", "section", "source");
    static final List<String> INCIDENT_COLUMNS = List.of("date", "time", "week", "summary", "handling", "cause", "source");

    private DataFiles() {
    }

    /** Writes the four files under {@code output/data}. */
    public static void write(Figures figures, MetricsConfig config, Path output) throws IOException {
        Path data = Files.createDirectories(output.resolve("data"));
        // Rows are written as they are made: a long archive has hundreds of thousands of values.
        try (Table metrics = new Table(data, "metrics", METRIC_COLUMNS)) {
            for (Figures.WeekFigures week : figures.weeks()) {
                for (Metric m : week.metrics()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("date", week.week().report().date().toString());
                    row.put("week", week.week().report().displayWeek());
                    row.put("metric", Figures.nameOf(m, config));
                    row.put("value", Metric.plain(m.value()));
                    row.put("unit", m.unit());
                    row.put("section", m.section());
                    row.put("source", m.location());
                    row.put("label", m.label());
                    row.put("delta", m.delta().map(Metric::plain).orElse(null));
                    row.put("qualifier", m.qualifier().orElse(null));
                    metrics.add(row);
                }
            }
        }
        List<Figures.LoggedIncident> oldestFirst = new ArrayList<>(figures.incidents());
        java.util.Collections.reverse(oldestFirst);
        try (Table incidents = new Table(data, "incidents", INCIDENT_COLUMNS)) {
            for (Figures.LoggedIncident logged : oldestFirst) {
                Incident i = logged.incident();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", i.date().toString());
                row.put("time", i.time().orElse(""));
                row.put("week", logged.week().report().displayWeek());
                row.put("summary", i.summary());
                row.put("handling", i.handling());
                row.put("cause", i.cause());
                row.put("source", i.location());
                row.put("impact", i.impact());
                row.put("grade", i.grade().orElse(null));
                incidents.add(row);
            }
        }
    }

    /**
     * Writes {@code data/NAME.csv} with {@code columns} and {@code data/NAME.json} with every field of each row, as the
     * metrics and incidents are written: for the downloads of other stages (commitments).
     */
    public static void write(Path output, String name, List<String> columns, List<Map<String, Object>> rows) throws IOException {
        try (Table table = new Table(Files.createDirectories(output.resolve("data")), name, columns)) {
            for (Map<String, Object> row : rows) {
                table.add(row);
            }
        }
    }

    /** Jackson, maintained, writes our JSON; rows keep their columns' order. */
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    /** One download written twice as rows arrive: NAME.csv with the contract columns, NAME.json with every field. */
    private static final class Table implements AutoCloseable {
        private final List<String> columns;
        private final java.io.Writer csv;
        private final java.io.Writer json;
        private boolean first = true;

        Table(Path folder, String name, List<String> columns) throws IOException {
            this.columns = columns;
            this.csv = Files.newBufferedWriter(folder.resolve(name + ".csv"), StandardCharsets.UTF_8);
            this.json = Files.newBufferedWriter(folder.resolve(name + ".json"), StandardCharsets.UTF_8);
            csv.write(String.join(",", columns) + "\r\n");
            json.write('[');
        }

        void add(Map<String, Object> row) throws IOException {
            csv.write(csvLine(columns, row));
            if (!first) {
                json.write(',');
            }
            first = false;
            json.write(JSON.writeValueAsString(row));
        }

        @Override
        public void close() throws IOException {
            try (csv; json) {
                json.write(']');
            }
        }
    }

    static String csvLine(List<String> columns, Map<String, Object> row) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = row.get(columns.get(i));
            out.append(field(value == null ? "" : String.valueOf(value)));
        }
        return out.append("\r\n").toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

}
