package io.github.weeklyarchive.metrics;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.SourceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The site's {@code metrics.yaml}: named metrics with aliases, units, targets and which direction
 * is good, extraction rules for formats the automatic extraction does not know, and the headings
 * under which incidents are listed. Every part is optional; without the file, metrics are found
 * automatically and incidents are read under {@code 生产稳定性事件}.
 */
public final class MetricsConfig {

    static final List<String> DEFAULT_INCIDENT_HEADINGS = List.of("生产稳定性事件", "生产事件", "线上事件", "生产事故", "故障记录");

    private final List<Definition> definitions;
    private final List<String> incidentHeadings;
    private final int minimumWeeks;

    /**
     * A metric the user named.
     *
     * @param id      the ASCII name of its page ({@code metrics/ID.html}); derived from the name when not given
     * @param target  e.g. {@code >= 99.95}
     * @param better  {@code higher} or {@code lower}: which way is good, for colouring changes
     * @param rules   regular expressions with a group named {@code value}, tried on every line
     */
    public record Definition(String name, Optional<String> id, List<String> aliases, Optional<String> unit,
                             Optional<Target> target, Optional<String> better, List<Pattern> rules) {
        public Definition {
            aliases = List.copyOf(aliases);
            rules = List.copyOf(rules);
        }
    }

    /** A threshold a metric should stay on the right side of. */
    public record Target(String operator, double value) {
        public boolean isMet(double actual) {
            return switch (operator) {
                case ">=" -> actual >= value;
                case ">" -> actual > value;
                case "<=" -> actual <= value;
                case "<" -> actual < value;
                default -> actual == value;
            };
        }

        @Override
        public String toString() {
            return operator + " " + Metric.plain(value);
        }
    }

    private MetricsConfig(List<Definition> definitions, List<String> incidentHeadings, int minimumWeeks) {
        this.definitions = List.copyOf(definitions);
        this.incidentHeadings = List.copyOf(incidentHeadings);
        this.minimumWeeks = minimumWeeks;
    }

    public static MetricsConfig defaults() {
        return new MetricsConfig(List.of(), DEFAULT_INCIDENT_HEADINGS, 2);
    }

    /** The configuration and what is wrong with it. */
    public record Loaded(MetricsConfig config, List<Problem> problems) {
    }

    /** Reads {@code metrics.yaml} text; a mistake is reported with its line and that part is left out. */
    public static Loaded parse(String path, String yaml) {
        List<Problem> problems = new ArrayList<>();
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(Problem.error(path, line, "not valid YAML (" + e.getProblem() + "); see the README section on metrics.yaml"));
            return new Loaded(defaults(), problems);
        } catch (YAMLException e) {
            problems.add(Problem.error(path, 1, "not valid YAML; see the README section on metrics.yaml"));
            return new Loaded(defaults(), problems);
        }
        if (root == null) {
            return new Loaded(defaults(), problems);
        }
        if (!(root instanceof Map<?, ?> top)) {
            problems.add(Problem.error(path, 1, "expected the keys metrics:, incidents: or auto:, not a single value"));
            return new Loaded(defaults(), problems);
        }
        List<Definition> definitions = new ArrayList<>();
        if (top.get("metrics") instanceof List<?> list) {
            for (Object entry : list) {
                definition(path, yaml, entry, problems).ifPresent(definitions::add);
            }
        } else if (top.containsKey("metrics")) {
            problems.add(Problem.error(path, lineOf(yaml, "metrics:"), "metrics: must be a list of entries starting with '- name: …'"));
        }
        List<String> headings = DEFAULT_INCIDENT_HEADINGS;
        if (top.get("incidents") instanceof Map<?, ?> incidents && incidents.get("headings") instanceof List<?> list) {
            headings = list.stream().map(String::valueOf).toList();
        }
        int minimumWeeks = 2;
        if (top.get("auto") instanceof Map<?, ?> auto && auto.get("min_weeks") instanceof Number n) {
            minimumWeeks = Math.max(1, n.intValue());
        }
        return new Loaded(new MetricsConfig(definitions, headings, minimumWeeks), problems);
    }

    private static Optional<Definition> definition(String path, String yaml, Object entry, List<Problem> problems) {
        if (!(entry instanceof Map<?, ?> map) || map.get("name") == null) {
            problems.add(Problem.error(path, lineOf(yaml, "- "), "each metric needs a name: write '- name: 入金有效成功率'"));
            return Optional.empty();
        }
        String name = String.valueOf(map.get("name")).strip();
        int line = lineOf(yaml, String.valueOf(map.get("name")));
        List<String> aliases = map.get("aliases") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        Optional<Target> target = Optional.empty();
        if (map.get("target") != null) {
            Matcher m = Pattern.compile("^\\s*(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*%?\\s*$").matcher(String.valueOf(map.get("target")));
            if (m.matches()) {
                target = Optional.of(new Target(m.group(1) == null ? ">=" : m.group(1), Double.parseDouble(m.group(2))));
            } else {
                problems.add(Problem.error(path, lineOf(yaml, "target:"), "target '" + map.get("target") + "' of " + name
                        + " is not understood; write it like '>= 99.95' or '<= 3'"));
            }
        }
        Optional<String> better = Optional.ofNullable(map.get("better")).map(String::valueOf).map(s -> s.toLowerCase(Locale.ROOT));
        if (better.isPresent() && !better.get().equals("higher") && !better.get().equals("lower")) {
            problems.add(Problem.error(path, lineOf(yaml, "better:"), "better: is 'higher' or 'lower', not '" + better.get() + "'"));
            better = Optional.empty();
        }
        List<Pattern> rules = new ArrayList<>();
        if (map.get("rules") instanceof List<?> list) {
            for (Object rule : list) {
                try {
                    Pattern pattern = Pattern.compile(String.valueOf(rule));
                    if (!pattern.pattern().contains("(?<value>")) {
                        problems.add(Problem.error(path, lineOf(yaml, String.valueOf(rule)), "the rule for " + name
                                + " needs a group named value, e.g. '存量单(?<value>\\d+)单'"));
                    } else {
                        rules.add(pattern);
                    }
                } catch (PatternSyntaxException e) {
                    problems.add(Problem.error(path, lineOf(yaml, String.valueOf(rule)), "the rule for " + name
                            + " is not a valid regular expression: " + e.getDescription()));
                }
            }
        }
        Optional<String> id = Optional.ofNullable(map.get("id")).map(String::valueOf);
        if (id.isPresent() && !id.get().matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(Problem.error(path, line, "id '" + id.get() + "' must be lower-case ASCII letters, digits and dashes"));
            id = Optional.empty();
        }
        return Optional.of(new Definition(name, id, aliases, Optional.ofNullable(map.get("unit")).map(String::valueOf), target, better, rules));
    }

    private static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        return 1;
    }

    public List<Definition> definitions() {
        return definitions;
    }

    /** How many weeks an automatically found label needs before it becomes a series. */
    public int minimumWeeks() {
        return minimumWeeks;
    }

    /** The defined metric a label belongs to, by name or alias. */
    public Optional<Definition> definitionOf(String label) {
        for (Definition d : definitions) {
            if (d.name().equals(label) || d.aliases().contains(label)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    boolean isIncidentSection(List<String> section) {
        for (String part : section) {
            if (isIncidentHeading(part)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern HEADING_PREFIX = Pattern.compile("^(?:\\d+[.、)]\\s*)?[【\\[]?");
    private static final Pattern HEADING_SUFFIX = Pattern.compile("[】\\]]?[：:\\s]*$");

    boolean isIncidentHeading(String text) {
        // Cheap test first: most lines contain none of the headings at all.
        boolean mentions = false;
        for (String heading : incidentHeadings) {
            if (text.contains(heading)) {
                mentions = true;
                break;
            }
        }
        if (!mentions) {
            return false;
        }
        String clean = HEADING_SUFFIX.matcher(HEADING_PREFIX.matcher(text.strip()).replaceAll("")).replaceAll("");
        return incidentHeadings.contains(clean);
    }

    /** Values found by the user's own rules on a line. */
    List<Metric> applyRules(SourceLine line, String source) {
        List<Metric> found = new ArrayList<>();
        String text = MetricExtractor.normalize(line.text());
        for (Definition d : definitions) {
            for (Pattern rule : d.rules()) {
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
}
