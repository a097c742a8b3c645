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
 * Finds the numbers a report states as values: {@code 入金有效成功率：99.98%}, {@code 事故数AB级0次，CD级0次},
 * {@code 存量单236单，较上周减少12单}, the {@code 本周} column of metric tables, and short English statements that
 * lead with their number ({@code 446 pull requests were merged in the last week}). A pure function of a parsed
 * report, so every rule is tested on strings.
 *
 * <p>A value is a number that closes its clause (a unit, {@code +}, a bracketed note or a change may follow it),
 * with a unit ({@code %}, {@code 次}, {@code 单}, {@code 个}, {@code ms}…) or after a colon, and a {@link Label} before
 * it that names something. Not values: dates ({@code 2/28}, {@code 2023-02-24}), times ({@code 19:40}), versions
 * ({@code 2.0}, {@code 1.x}), ranges ({@code 80%-90%}), years, ordinals ({@code 第15次}), numbers inside brackets
 * (qualifiers of the value before them), numbers that run on into a sentence ({@code 30%的用户}), anything in an
 * incident list (those become {@link Incident}s), and running prose: in a line of two sentences or more, a sentence
 * that is not a list of values; outside a list, a line that says more than values. {@code metrics.yaml} can define
 * a label or give a rule for what these rules leave out.
 */
public final class MetricExtractor {

    static final String UNITS = "%|‰|ms|万元|亿元|元|秒|分钟|小时|天|次|单|个|笔|件|人|户|台|条|项|家|万|亿|GB|TB|MB|QPS|TPS|s";
    private static final Pattern VALUE = Pattern.compile(
            "(?<![A-Za-z0-9_./+-])(?<!\\d:)(?<num>\\d+(?:\\.\\d+)?)\\s*(?<plus1>\\+)?(?<unit>" + UNITS + ")?(?<plus2>\\+)?"
                    + "(?![A-Za-z0-9/:.]|-\\d|[月日号年点周期时级])");
    /**
     * {@code 99..9%} or {@code 99.9.8%}: a number with a unit that is mistyped. Version numbers ({@code 6.1.7}) have no
     * unit, and clause numbers ({@code 7.1.2 条}) are not rates.
     */
    private static final Pattern BROKEN = Pattern.compile(
            "(?<![\\d.])\\d+(?:\\.{2,}\\d+\\s*(?:" + UNITS + ")|\\.\\d+\\.\\d+\\s*[%‰])(?![A-Za-z])");
    private static final Pattern DELTA = Pattern.compile(
            "^(?:较上周|环比|比上周)\\s*(?<word>增加|减少|上升|下降|提升|降低|多|少)?\\s*(?<num>[+-]?\\d+(?:\\.\\d+)?)\\s*(?<unit>" + UNITS + ")?");
    private static final Pattern RATIO = Pattern.compile("^\\d+\\s*/\\s*\\d+$");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d+[.)、]\\s*|[（(]\\d+[)）]\\s*)");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern SQUARE_BRACKETS = Pattern.compile("\\[[^]]*]");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s:=]+$");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:]+");
    private static final Pattern BRACKET_BEFORE_VALUE = Pattern.compile("\\(([^)]*)\\)\\s*:?\\s*$");
    private static final Pattern BRACKET_AFTER_VALUE = Pattern.compile("^\\(([^)]*)\\)");
    /** Compiled label shapes: the same few ({@code [A-Za-z][A-Za-z]级}) come back on every line of that kind. */
    private static final java.util.Map<String, Pattern> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();
    /** A line that ends a sentence, or introduces what follows. */
    private static final Pattern SENTENCE_END_AT_END = Pattern.compile("[。！？!?.:：;；]\\s*$");
    /** What may follow a value in its clause: closing punctuation only. */
    private static final Pattern CLOSING = Pattern.compile("^[\\s.。!！?？;；:：~～*]*$");
    /** The Latin noun a count is of: {@code 5 个 pr}, {@code 3 个 issue}. */
    private static final Pattern COUNTED_NOUN = Pattern.compile("^([A-Za-z][A-Za-z-]{0,15}(?: [A-Za-z][A-Za-z-]{0,15})?)\\s*[.。;；]?$");
    /** The short Chinese noun a count is of, at the end of a line of its own: {@code 上一版本遗留 2 个缺陷：}. */
    private static final Pattern COUNTED_HAN_NOUN = Pattern.compile("^(\\p{IsHan}{1,3})\\s*[:：。]?$");
    private static final java.util.Set<String> CLASSIFIERS = java.util.Set.of("个", "项", "次", "条", "篇", "份", "件", "笔", "单", "台", "家", "人", "户");
    private static final Pattern THOUSANDS = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?![\\d,])");
    /** A quick test that lets the many lines without any digit skip the rules below. */
    private static final Pattern ANY_DIGIT = Pattern.compile("[0-9０-９]");

    private MetricExtractor() {
    }

    /** The metrics of {@code report} and the problems found on the way (numbers that look wrong). */
    public static Extraction extract(Report report, MetricsConfig config) {
        List<Metric> metrics = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<SourceLine> lines = report.lines();
        List<String> section = null; // consecutive lines share their section list (Outline): it is judged once a run
        boolean incidentSection = false;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (line.section() != section) {
                section = line.section();
                incidentSection = config.isIncidentSection(section);
            }
            if (incidentSection || config.isIncidentHeading(line.text())) {
                continue;
            }
            metrics.addAll(fromRules(line, config, report.source()));
            fromLine(line, startsSentence(lines, i), config, report.source(), metrics, problems);
        }
        for (TableRow row : report.tableRows()) {
            fromTableRow(row, report.source()).ifPresent(metrics::add);
        }
        List<Metric> valid = new ArrayList<>();
        for (Metric metric : metrics) {
            if ((metric.isRate() || metric.isProgress()) && metric.value() > 100) {
                problems.add(Problem.warning(metric.source(), metric.line(), metric.label() + " is " + Metric.plain(metric.value())
                        + "%, more than 100% for a rate; it was left out of the charts. Correct the number, or write it without % if it is not a rate"));
            } else if (!config.isIgnored(metric.label())) {
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

    /**
     * Whether line {@code i} starts a sentence: it is the first line of its paragraph or item, or the line before
     * it ends one. A line that continues a sentence wrapped in the source does not start a statement.
     */
    private static boolean startsSentence(List<SourceLine> lines, int i) {
        if (i == 0) {
            return true;
        }
        SourceLine before = lines.get(i - 1);
        SourceLine line = lines.get(i);
        boolean sameParagraph = before.line() == line.line() - 1 && before.item() == line.item() && !line.itemStart();
        return !sameParagraph || SENTENCE_END_AT_END.matcher(before.text()).find();
    }

    private static void fromLine(SourceLine line, boolean startsSentence, MetricsConfig config, String source, List<Metric> out,
                                 List<Problem> problems) {
        if (!ANY_DIGIT.matcher(line.text()).find()) {
            return;
        }
        String text = normalize(line.text());
        Matcher broken = BROKEN.matcher(text);
        if (broken.find()) {
            problems.add(Problem.warning(source, line.line(), "'" + broken.group() + "' looks like a number but is not one; "
                    + "it was left out of the metrics. Write it like 99.9%"));
        }
        List<Clause> clauses = clauses(text);
        boolean wholeLine = clauses.stream().filter(c -> Label.hasWord(c.text(), 0)).count() == 1;
        boolean severalStatements = clauses.stream().filter(c -> NumberFirst.leadsWithNumber(c.text())).count() >= 2;
        // In a line of several sentences (running prose), a label and value count only in a sentence that lists two
        // values or more and nothing else ("支持进度如下：SPECjvm 97%, jtreg 8%"); outside a list, only in a line that
        // states values and nothing else ("成功率 99.9%，可用性 100%"). Number-first statements count anywhere.
        boolean prose = clauses.get(clauses.size() - 1).sentence() >= 1;
        java.util.Set<Integer> sentencesWithOtherText = new java.util.HashSet<>();
        java.util.Map<Metric, Integer> sentenceOf = new java.util.IdentityHashMap<>();
        int start = out.size();
        Metric previous = null;
        String firstLabel = null;
        Optional<String> verb = Optional.empty();
        for (int c = 0; c < clauses.size(); c++) {
            String clause = clauses.get(c).text();
            Matcher delta = DELTA.matcher(clause.strip());
            if (delta.find()) {
                if (previous != null) {
                    Metric changed = withDelta(previous, signed(delta));
                    out.set(out.size() - 1, changed);
                    Integer sentence = sentenceOf.remove(previous);
                    if (sentence != null) {
                        sentenceOf.put(changed, sentence);
                    }
                    previous = changed;
                }
                continue;
            }
            Optional<Metric> metric = fromClause(clause, line, source, firstLabel, wholeLine);
            if (metric.isPresent()) {
                sentenceOf.put(metric.get(), clauses.get(c).sentence());
            } else {
                // A statement at the start of a line that continues a sentence needs a verb of its own to count.
                boolean continues = c == 0 && !startsSentence;
                Optional<NumberFirst.Statement> statement = NumberFirst.read(clause, continues ? Optional.empty() : verb,
                        severalStatements && !continues);
                if (statement.isPresent() && (!continues || statement.get().verb().isPresent()) && !isYear(statement.get().value(), "")) {
                    verb = statement.get().verb();
                    metric = Optional.of(new Metric(statement.get().label(), line.sectionPath(), statement.get().value(), "",
                            Optional.empty(), Optional.empty(), line.heading(), source, line.line()));
                }
            }
            if (metric.isPresent()) {
                out.add(metric.get());
                previous = metric.get();
                if (firstLabel == null) {
                    firstLabel = metric.get().label();
                }
            } else if (Label.hasWord(clause, 0)) {
                sentencesWithOtherText.add(clauses.get(c).sentence());
            }
        }
        boolean listed = line.item() >= 0;
        if (prose || !listed) {
            int least = prose ? 2 : 1;
            java.util.Map<Integer, Integer> valuesIn = new java.util.HashMap<>();
            sentenceOf.values().forEach(s -> valuesIn.merge(s, 1, Integer::sum));
            List<Metric> kept = new ArrayList<>();
            for (Metric m : out.subList(start, out.size())) {
                Integer sentence = sentenceOf.get(m);
                if (sentence == null || (!sentencesWithOtherText.contains(sentence) && valuesIn.get(sentence) >= least)
                        || config.definitionOf(m.label()).isPresent()) {
                    kept.add(m);
                }
            }
            out.subList(start, out.size()).clear();
            out.addAll(kept);
        }
    }

    private static Optional<Metric> fromClause(String clause, SourceLine line, String source, String firstLabelOfLine, boolean wholeLine) {
        String masked = maskBrackets(clause);
        Matcher value = VALUE.matcher(masked);
        while (value.find()) {
            String before = clause.substring(0, value.start());
            boolean afterColon = before.stripTrailing().endsWith(":");
            String unit = value.group("unit") == null ? "" : value.group("unit");
            String after = clause.substring(value.end()).strip();
            if (!closesClause(masked.substring(value.end()))) {
                // 提交 5 个 pr: a count followed by the Latin noun it counts, or a line of its own that ends with the
                // short noun it counts (上一版本遗留 2 个缺陷：); anything else runs on into a sentence.
                Matcher latin = COUNTED_NOUN.matcher(after);
                Matcher han = COUNTED_HAN_NOUN.matcher(after);
                if (CLASSIFIERS.contains(unit) && latin.matches()) {
                    unit = unit + " " + latin.group(1);
                } else if (CLASSIFIERS.contains(unit) && wholeLine && han.matches()) {
                    unit = unit + han.group(1);
                } else {
                    continue;
                }
                after = "";
            }
            if (unit.isEmpty() && !afterColon) {
                continue;
            }
            double number = Double.parseDouble(value.group("num"));
            if (isYear(number, unit)) {
                continue;
            }
            Optional<String> labelQualifier = bracketed(before);
            String label = label(before);
            String section = line.sectionPath();
            int colon = label.lastIndexOf(':');
            if (colon >= 0) { // 还款宝退款:存量单 — the part before the colon names a sub-section
                String sub = label.substring(0, colon).strip();
                label = label.substring(colon + 1).strip();
                section = section.isEmpty() ? sub : section + " / " + sub;
            }
            if (firstLabelOfLine != null) {
                label = completeFromFirstLabel(label, firstLabelOfLine);
            }
            Optional<String> name = Label.name(label);
            if (name.isEmpty()) {
                continue;
            }
            label = name.get();
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
            } else {
                Matcher d = DELTA.matcher(after);
                if (d.find()) {
                    delta = Optional.of(signed(d));
                }
            }
            return Optional.of(new Metric(label, section, number, unit, delta, qualifier, line.heading(), source, line.line()));
        }
        return Optional.empty();
    }

    /** A whole number from 1900 to 2100 without a unit is a year, not a measurement. */
    static boolean isYear(double number, String unit) {
        return unit.isEmpty() && number == Math.rint(number) && number >= 1900 && number <= 2100;
    }

    /**
     * Whether what follows a number leaves it the value of its clause: nothing, a bracketed note, a change
     * ({@code 较上周减少12单}) or closing punctuation. {@code 30%的用户} or {@code 10个终端命令} run on: the number is
     * part of a sentence.
     */
    static boolean closesClause(String maskedAfter) {
        String rest = maskedAfter.strip();
        while (rest.startsWith("(") || rest.startsWith("[")) {
            int close = rest.indexOf(rest.charAt(0) == '(' ? ')' : ']');
            if (close < 0) {
                return false;
            }
            rest = rest.substring(close + 1).strip();
        }
        Matcher delta = DELTA.matcher(rest);
        if (delta.find()) {
            rest = rest.substring(delta.end()).strip();
        }
        return CLOSING.matcher(rest).matches();
    }

    private static Optional<Metric> fromTableRow(TableRow row, String source) {
        int column = -1;
        for (int i = 0; i < row.header().size(); i++) {
            String header = row.header().get(i).strip();
            if (header.equals("本周") || header.equalsIgnoreCase("this week")) {
                column = i;
            }
        }
        if (column < 0 || column >= row.cells().size() || row.cells().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> label = Label.name(row.cells().get(0).strip());
        Matcher value = VALUE.matcher(normalize(row.cells().get(column)).strip());
        if (label.isEmpty() || !value.lookingAt()) {
            return Optional.empty();
        }
        String unit = value.group("unit") == null ? "" : value.group("unit");
        double number = Double.parseDouble(value.group("num"));
        if (isYear(number, unit)) {
            return Optional.empty();
        }
        String section = String.join(" / ", row.section());
        return Optional.of(new Metric(label.get(), section, number, unit,
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

    /** A clause of a line, and which sentence of the line (from 0) it is in. */
    record Clause(String text, int sentence) {
    }

    /**
     * Splits a line at clause punctuation outside brackets, at the end of a sentence, and before {@code and} followed
     * by a number ({@code we landed 22 PRs in TiDB and 15 PRs in TiKV}).
     */
    static List<Clause> clauses(String text) {
        List<Clause> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int sentence = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean endsSentence = c == '。' || c == '!' || c == '?' || c == '！' || c == '？'
                    || (c == '.' && i > 0 && Character.isLetter(text.charAt(i - 1)) && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1)));
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && (endsSentence || c == ',' || c == ';' || c == '、')) {
                clauses.add(new Clause(text.substring(start, i), sentence));
                start = i + 1;
                if (endsSentence && Label.hasWord(text, start)) {
                    sentence++;
                }
            } else if (depth == 0 && c == ' ' && text.startsWith(" and ", i) && i + 5 < text.length()
                    && Character.isDigit(text.charAt(i + 5))) {
                clauses.add(new Clause(text.substring(start, i), sentence));
                start = i + 5;
                i += 4;
            }
        }
        clauses.add(new Clause(text.substring(start), sentence));
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

    /**
     * NFKC: full-width digits, {@code ％}, {@code ：} and {@code （）} become their ASCII forms; thousands separators
     * written with an ASCII comma ({@code 1,234}) are dropped, so the number is one number.
     */
    static String normalize(String text) {
        String plain = text.indexOf(',') < 0 ? text : THOUSANDS.matcher(text).replaceAll(m -> m.group().replace(",", ""));
        String normal = NormalForm.compatible(plain).replace('【', '[').replace('】', ']');
        // A run of spaces is one space: labels read the same, and the patterns that look back from the end of a
        // clause ("\\s*$") stay linear on a line with thousands of spaces in it.
        return normal.contains("  ") || normal.indexOf('\t') >= 0 ? SPACE_RUN.matcher(normal).replaceAll(" ") : normal;
    }

    private static final Pattern SPACE_RUN = Pattern.compile("[ \\t]{2,}|\\t");

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
