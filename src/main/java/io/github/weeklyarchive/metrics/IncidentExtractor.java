package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.SourceLine;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the items under a report's incidents heading ({@code 生产稳定性事件}) into {@link Incident}s:
 * {@code 2/19 19:29 监控发现…} then {@code 处置：…} and {@code 原因：…} lines. {@code 本周无} means the
 * week had none, which is a fact worth charting, unlike a week that says nothing.
 */
public final class IncidentExtractor {

    private static final Pattern START = Pattern.compile(
            "^([0-9０-９]{1,2})\\s*[/／月.．-]\\s*([0-9０-９]{1,2})\\s*[日号]?\\s*([0-9０-９]{1,2}[:：][0-9０-９]{2})?\\s*(.*)$");
    private static final Pattern FIELD = Pattern.compile("^(处置|处理|原因|影响)\\s*[:：]\\s*(.*)$");
    private static final Pattern NONE = Pattern.compile("^(本周)?(无|暂无|没有)([生产稳定性事件故障事故]*)?[。.]?$");
    private static final Pattern IMPACT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(笔|单|次|人|户|个|分钟|小时)");
    private static final Pattern GRADE = Pattern.compile("([A-DＡ-Ｄ])\\s*级|([一二三四]级)");

    private IncidentExtractor() {
    }

    /**
     * The incidents of one week.
     *
     * @param reported whether the report has an incidents section at all: {@code true} with no incidents
     *                 is a week without incidents, {@code false} a week that did not say
     */
    public record WeekIncidents(List<Incident> incidents, boolean reported, List<Problem> problems) {
        public WeekIncidents {
            incidents = List.copyOf(incidents);
            problems = List.copyOf(problems);
        }
    }

    public static WeekIncidents extract(Report report, MetricsConfig config) {
        Map<Integer, List<SourceLine>> items = new LinkedHashMap<>();
        boolean reported = false;
        List<String> section = null; // consecutive lines share their section list (Outline): it is judged once a run
        boolean namesIncidents = false;
        boolean incidentSection = false;
        for (SourceLine line : report.lines()) {
            if (line.section() != section) {
                section = line.section();
                namesIncidents = config.isIncidentHeading(String.join("", section));
                incidentSection = config.isIncidentSection(section);
            }
            boolean incidentHeading = config.isIncidentHeading(line.text());
            if (incidentHeading || namesIncidents) {
                reported = true;
            }
            if (incidentSection && !incidentHeading) {
                reported = true;
                int key = line.item() >= 0 ? line.item() : -line.line(); // a paragraph is an item of its own
                items.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
            }
        }
        List<Incident> incidents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (List<SourceLine> lines : items.values()) {
            String first = lines.get(0).text().strip();
            if (NONE.matcher(first).matches()) {
                continue;
            }
            incident(report, lines, problems).ifPresent(incidents::add);
        }
        return new WeekIncidents(incidents, reported, problems);
    }

    private static Optional<Incident> incident(Report report, List<SourceLine> lines, List<Problem> problems) {
        SourceLine first = lines.get(0);
        Matcher start = START.matcher(first.text().strip());
        LocalDate date = report.date();
        Optional<String> time = Optional.empty();
        String summary = first.text().strip();
        if (start.matches()) {
            int month = Integer.parseInt(MetricExtractor.normalize(start.group(1)));
            int day = Integer.parseInt(MetricExtractor.normalize(start.group(2)));
            // A report in early January lists December's incidents: they belong to the year before.
            int year = month > report.date().getMonthValue() + 1 ? report.date().getYear() - 1 : report.date().getYear();
            try {
                date = LocalDate.of(year, month, day);
                time = Optional.ofNullable(start.group(3)).map(MetricExtractor::normalize);
                summary = start.group(4).strip();
            } catch (DateTimeException e) {
                problems.add(Problem.warning(report.source(), first.line(), "'" + month + "/" + day
                        + "' is not a date; the incident was dated with the report. Write it like 2/19 19:29"));
            }
        }
        StringBuilder handling = new StringBuilder();
        StringBuilder cause = new StringBuilder();
        StringBuilder text = new StringBuilder(summary);
        for (SourceLine line : lines.subList(1, lines.size())) {
            Matcher field = FIELD.matcher(line.text().strip());
            if (field.matches()) {
                StringBuilder target = switch (field.group(1)) {
                    case "原因" -> cause;
                    case "影响" -> text;
                    default -> handling;
                };
                append(target, field.group(2));
            } else {
                append(text, line.text().strip());
            }
        }
        String all = text.toString();
        List<String> impact = new ArrayList<>();
        int impactAt = all.indexOf("影响");
        if (impactAt >= 0) {
            Matcher m = IMPACT.matcher(MetricExtractor.normalize(all.substring(impactAt)));
            while (m.find()) {
                impact.add(m.group(1) + m.group(2));
            }
        }
        Matcher grade = GRADE.matcher(MetricExtractor.normalize(all));
        Optional<String> level = grade.find() ? Optional.of(grade.group().replace(" ", "")) : Optional.empty();
        return Optional.of(new Incident(date, time, all, handling.toString(), cause.toString(), impact, level,
                report.source(), first.line()));
    }

    private static void append(StringBuilder target, String text) {
        if (text.isBlank()) {
            return;
        }
        if (target.length() > 0) {
            target.append(' ');
        }
        target.append(text.strip());
    }
}
