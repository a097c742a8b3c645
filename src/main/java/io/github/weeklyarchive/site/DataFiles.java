package io.github.weeklyarchive.site;

import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.metrics.Incident;
import io.github.weeklyarchive.metrics.Metric;
import io.github.weeklyarchive.metrics.MetricsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.simple.JSONValue;

/**
 * The archive's numbers as downloads: {@code data/metrics.csv} and {@code data/incidents.csv}
 * (RFC 4180, UTF-8, CRLF), and the same rows as JSON. Column names are a contract other tools read.
 */
final class DataFiles {

    static final List<String> METRIC_COLUMNS = List.of("date", "week", "metric", "value", "unit", "section", "source");
    static final List<String> INCIDENT_COLUMNS = List.of("date", "time", "week", "summary", "handling", "cause", "source");

    private DataFiles() {
    }

    static void write(Figures figures, MetricsConfig config, Path output) throws IOException {
        Path data = Files.createDirectories(output.resolve("data"));
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Figures.WeekFigures week : figures.weeks()) {
            for (Metric m : week.metrics()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", week.week().report().date().toString());
                row.put("week", week.week().report().displayWeek());
                row.put("metric", Figures.nameOf(m, config));
                row.put("value", number(m.value()));
                row.put("unit", m.unit());
                row.put("section", m.section());
                row.put("source", m.location());
                row.put("label", m.label());
                row.put("delta", m.delta().map(DataFiles::number).orElse(null));
                row.put("qualifier", m.qualifier().orElse(null));
                metrics.add(row);
            }
        }
        List<Map<String, Object>> incidents = new ArrayList<>();
        List<Figures.LoggedIncident> oldestFirst = new ArrayList<>(figures.incidents());
        java.util.Collections.reverse(oldestFirst);
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
        Files.writeString(data.resolve("metrics.csv"), csv(METRIC_COLUMNS, metrics), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("incidents.csv"), csv(INCIDENT_COLUMNS, incidents), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("metrics.json"), JSONValue.toJSONString(metrics), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("incidents.json"), JSONValue.toJSONString(incidents), StandardCharsets.UTF_8);
    }

    static String csv(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object value = row.get(columns.get(i));
                out.append(field(value == null ? "" : String.valueOf(value)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** 99.98 as "99.98", 236 as "236": numbers as a person writes them. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
