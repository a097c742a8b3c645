package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.report.NormalForm;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.SourceLine;
import io.github.weeklyarchive.report.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers written in a report's prose: {@code 入金有效成功率：99.98%}, {@code 事故数AB级0次，CD级0次},
 * {@code 存量单236单，较上周减少12单}, and the {@code 本周} column of metric tables. A pure function of a
 * parsed report, so every rule is tested on strings.
 *
 * <p>What counts as a value: a number with a unit ({@code %}, {@code 次}, {@code 单}, {@code 个}, {@code ms}…),
 * or any number after a colon. What does not: dates ({@code 2/28}), times ({@code 19:40}), versions
 * ({@code 2.0}, {@code 1.x}), numbers inside brackets (qualifiers of the value before them), and
 * anything in an incident list (those become {@link Incident}s).
 */
public final class MetricExtractor {

    static final String UNITS = "%|‰|ms|万元|亿元|元|秒|分钟|小时|天|次|单|个|笔|件|人|户|台|条|项|家|万|亿|GB|TB|MB|QPS|TPS|s";
    private static final Pattern VALUE = Pattern.compile(
            "(?<![A-Za-z0-9_./+-])(?<!\\d:)(?<num>\\d+(?:\\.\\d+)?)\\s*(?<plus1>\\+)?(?<unit>" + UNITS + ")?(?<plus2>\\+)?"
                    + "(?![A-Za-z0-9/:.]|[月日号年点周期时级])");
    /** {@code 99..9%} or {@code 99.9.8%}: a number with a unit that is mistyped. Version numbers ({@code 6.1.7}) have no unit. */
    private static final Pattern BROKEN = Pattern.compile("(?<![\\d.])\\d+(?:\\.{2,}\\d+|\\.\\d+\\.\\d+)\\s*(?:" + UNITS + ")(?![A-Za-z])");
    private static final Pattern DELTA = Pattern.compile(
            "^(?:较上周|环比|比上周)\\s*(?<word>增加|减少|上升|下降|提升|降低|多|少)?\\s*(?<num>[+-]?\\d+(?:\\.\\d+)?)\\s*(?<unit>" + UNITS + ")?");
    private static final Pattern RATIO = Pattern.compile("^\\d+\\s*/\\s*\\d+$");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d+[.)、]\\s*|[（(]\\d+[)）]\\s*)");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{IsHan}A-Za-z]");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern SQUARE_BRACKETS = Pattern.compile("\\[[^]]*]");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s:=]+$");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:]+");
    private static final Pattern BRACKET_BEFORE_VALUE = Pattern.compile("\\(([^)]*)\\)\\s*:?\\s*$");
    private static final Pattern BRACKET_AFTER_VALUE = Pattern.compile("^\\(([^)]*)\\)");
    /** Compiled label shapes: the same few ({@code [A-Za-z][A-Za-z]级}) come back on every line of that kind. */
    private static final java.util.Map<String, Pattern> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();
    /** A quick test that lets the many lines without any digit skip the rules below. */
    private static final Pattern ANY_DIGIT = Pattern.compile("[0-9０-９]");

    private MetricExtractor() {
    }

    /** The metrics of {@code report} and the problems found on the way (numbers that look wrong). */
    public static Extraction extract(Report report, MetricsConfig config) {
        List<Metric> metrics = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (SourceLine line : report.lines()) {
            if (config.isIncidentSection(line.section()) || config.isIncidentHeading(line.text())) {
                continue;
            }
            metrics.addAll(fromRules(line, config, report.source()));
            fromLine(line, report.source(), metrics, problems);
        }
        for (TableRow row : report.tableRows()) {
            fromTableRow(row, report.source()).ifPresent(metrics::add);
        }
        List<Metric> valid = new ArrayList<>();
        for (Metric metric : metrics) {
            if ((metric.isRate() || metric.isProgress()) && metric.value() > 100) {
                problems.add(Problem.warning(metric.source(), metric.line(), metric.label() + " is " + Metric.plain(metric.value())
                        + "%, more than 100% for a rate; it was left out of the charts. Correct the number, or write it without % if it is not a rate"));
            } else {
                valid.add(metric);
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new Extraction(valid, problems);
    }

    /** What one report gave. */
    public record Extraction(List<Metric> metrics, List<Problem> problems) {
        public Extraction {
            metrics = List.copyOf(metrics);
            problems = List.copyOf(problems);
        }
    }

    private static void fromLine(SourceLine line, String source, List<Metric> out, List<Problem> problems) {
        if (!ANY_DIGIT.matcher(line.text()).find()) {
            return;
        }
        String text = normalize(line.text());
        Matcher broken = BROKEN.matcher(text);
        if (broken.find()) {
            problems.add(Problem.warning(source, line.line(), "'" + broken.group() + "' looks like a number but is not one; "
                    + "it was left out of the metrics. Write it like 99.9%"));
        }
        Metric previous = null;
        String firstLabel = null;
        for (String clause : clauses(text)) {
            Matcher delta = DELTA.matcher(clause.strip());
            if (delta.find()) {
                if (previous != null) {
                    out.set(out.size() - 1, withDelta(previous, signed(delta)));
                    previous = out.get(out.size() - 1);
                }
                continue;
            }
            Optional<Metric> metric = fromClause(clause, line, source, firstLabel);
            if (metric.isPresent()) {
                out.add(metric.get());
                previous = metric.get();
                if (firstLabel == null) {
                    firstLabel = metric.get().label();
                }
            }
        }
    }

    private static Optional<Metric> fromClause(String clause, SourceLine line, String source, String firstLabelOfLine) {
        String masked = maskBrackets(clause);
        Matcher value = VALUE.matcher(masked);
        while (value.find()) {
            String before = clause.substring(0, value.start());
            boolean afterColon = before.stripTrailing().endsWith(":");
            String unit = value.group("unit") == null ? "" : value.group("unit");
            if (unit.isEmpty() && !afterColon) {
                continue;
            }
            Optional<String> labelQualifier = bracketed(before);
            String label = label(before);
            if (label.isEmpty() || !HAS_WORD.matcher(label).find() || label.length() > 40) {
                continue;
            }
            String section = line.sectionPath();
            int colon = label.lastIndexOf(':');
            if (colon >= 0) { // 还款宝退款:存量单 — the part before the colon names a sub-section
                String sub = label.substring(0, colon).strip();
                label = label.substring(colon + 1).strip();
                section = section.isEmpty() ? sub : section + " / " + sub;
                if (label.isEmpty() || !HAS_WORD.matcher(label).find()) {
                    continue;
                }
            }
            if (firstLabelOfLine != null) {
                label = completeFromFirstLabel(label, firstLabelOfLine);
            }
            String after = clause.substring(value.end()).strip();
            Optional<Double> delta = Optional.empty();
            Optional<String> qualifier = labelQualifier;
            if (value.group("plus1") != null || value.group("plus2") != null) {
                qualifier = Optional.of("+");
            }
            Optional<String> note = leadingBracket(after);
            if (note.isPresent()) {
                Matcher d = DELTA.matcher(note.get());
                if (d.find()) {
                    delta = Optional.of(signed(d));
                } else if (RATIO.matcher(note.get()).matches()) {
                    qualifier = Optional.of(note.get().replace(" ", ""));
                }
            }
            return Optional.of(new Metric(label, section, Double.parseDouble(value.group("num")), unit,
                    delta, qualifier, line.heading(), source, line.line()));
        }
        return Optional.empty();
    }

    private static Optional<Metric> fromTableRow(TableRow row, String source) {
        int column = row.header().indexOf("本周");
        if (column < 0 || column >= row.cells().size() || row.cells().isEmpty()) {
            return Optional.empty();
        }
        String label = row.cells().get(0).strip();
        Matcher value = VALUE.matcher(normalize(row.cells().get(column)).strip());
        if (label.isEmpty() || !value.lookingAt()) {
            return Optional.empty();
        }
        String unit = value.group("unit") == null ? "" : value.group("unit");
        String section = String.join(" / ", row.section());
        return Optional.of(new Metric(label, section, Double.parseDouble(value.group("num")), unit,
                Optional.empty(), Optional.empty(), row.section().isEmpty() ? "" : row.section().get(row.section().size() - 1), source, row.line()));
    }

    /**
     * {@code 事故数AB级0次，CD级0次}: the second label, {@code CD级}, has the shape of the end of the first
     * ({@code AB级}), so it is {@code 事故数CD级}.
     */
    static String completeFromFirstLabel(String label, String first) {
        if (label.length() >= first.length()) {
            return label;
        }
        String shape = label.chars().mapToObj(c -> Character.isLetter(c) && c < 128 ? "[A-Za-z]" : Character.isDigit(c) ? "\\d"
                : Pattern.quote(String.valueOf((char) c))).reduce("", String::concat);
        Matcher m = SHAPES.computeIfAbsent(shape, k -> Pattern.compile("(" + k.replace("[A-Za-z][A-Za-z]", "[A-Za-z]+") + ")$")).matcher(first);
        if (m.find() && m.start() > 0 && shape.contains("[A-Za-z]")) {
            return first.substring(0, m.start()) + label;
        }
        return label;
    }

    /** Splits a line at clause punctuation outside brackets. */
    static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';' || c == '。' || c == '、')) {
                clauses.add(text.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(text.substring(start));
        return clauses;
    }

    /** Values found by the user's own rules ({@code metrics.yaml}) on a line. */
    private static List<Metric> fromRules(SourceLine line, MetricsConfig config, String source) {
        List<Metric> found = new ArrayList<>();
        String text = null;
        for (MetricsConfig.Definition d : config.definitions()) {
            for (Pattern rule : d.rules()) {
                text = text == null ? normalize(line.text()) : text;
                Matcher m = rule.matcher(text);
                if (m.find()) {
                    try {
                        double value = Double.parseDouble(m.group("value"));
                        found.add(new Metric(d.name(), line.sectionPath(), value, d.unit().orElse(""), Optional.empty(),
                                Optional.empty(), line.heading(), source, line.line()));
                    } catch (NumberFormatException e) {
                        // the rule matched text that is not a number: nothing to chart
                    }
                }
            }
        }
        return found;
    }

    /** NFKC: full-width digits, {@code ％}, {@code ：} and {@code （）} become their ASCII forms. */
    static String normalize(String text) {
        return NormalForm.compatible(text).replace('【', '[').replace('】', ']');
    }

    private static String maskBrackets(String clause) {
        StringBuilder masked = new StringBuilder(clause);
        int depth = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth > 0) {
                masked.setCharAt(i, '_');
            }
        }
        return masked.toString();
    }

    private static String label(String before) {
        String label = SQUARE_BRACKETS.matcher(PARENTHESES.matcher(before).replaceAll("")).replaceAll("");
        label = LIST_MARKER.matcher(label.strip()).replaceFirst("");
        label = TRAILING_SEPARATORS.matcher(label).replaceAll("");
        return LEADING_SEPARATORS.matcher(label).replaceAll("").strip();
    }

    private static Optional<String> bracketed(String before) {
        Matcher m = BRACKET_BEFORE_VALUE.matcher(before.strip());
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static Optional<String> leadingBracket(String after) {
        Matcher m = BRACKET_AFTER_VALUE.matcher(after);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static double signed(Matcher delta) {
        double n = Double.parseDouble(delta.group("num"));
        String word = delta.group("word");
        boolean down = word != null && (word.equals("减少") || word.equals("下降") || word.equals("降低") || word.equals("少"));
        return down ? -Math.abs(n) : n;
    }

    private static Metric withDelta(Metric m, double delta) {
        return new Metric(m.label(), m.section(), m.value(), m.unit(), Optional.of(delta), m.qualifier(), m.project(), m.source(), m.line());
    }

}
