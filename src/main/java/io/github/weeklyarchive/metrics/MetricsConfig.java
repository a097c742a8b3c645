package io.github.weeklyarchive.metrics;

import static io.github.weeklyarchive.settings.YamlSettings.keys;
import static io.github.weeklyarchive.settings.YamlSettings.lineOf;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.settings.YamlSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The site's {@code metrics.yaml}: named metrics with aliases, units, targets and which direction
 * is good, extraction rules for formats the automatic extraction does not know, labels to ignore, and
 * the headings under which incidents are listed. Every part is optional; without the file, metrics are
 * found automatically and incidents are read under {@code 生产稳定性事件}.
 */
public final class MetricsConfig {

    static final List<String> DEFAULT_INCIDENT_HEADINGS = List.of("生产稳定性事件", "生产事件", "线上事件", "生产事故", "故障记录");

    private final List<Definition> definitions;
    private final List<String> incidentHeadings;
    /** The first character of each incident heading: only where one stands can a heading begin. */
    private final String incidentHeadingStarts;
    private final int minimumWeeks;
    private final List<String> ignoredLabels;
    private final List<Pattern> ignoredPatterns;

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

    private MetricsConfig(List<Definition> definitions, List<String> incidentHeadings, int minimumWeeks, List<String> ignoredLabels,
                          List<Pattern> ignoredPatterns) {
        this.definitions = List.copyOf(definitions);
        this.incidentHeadings = List.copyOf(incidentHeadings);
        StringBuilder starts = new StringBuilder();
        this.incidentHeadings.stream().filter(h -> !h.isEmpty()).forEach(h -> starts.append(h.charAt(0)));
        this.incidentHeadingStarts = starts.toString();
        this.minimumWeeks = minimumWeeks;
        this.ignoredLabels = ignoredLabels.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
        this.ignoredPatterns = List.copyOf(ignoredPatterns);
    }

    public static MetricsConfig defaults() {
        return new MetricsConfig(List.of(), DEFAULT_INCIDENT_HEADINGS, 2, List.of(), List.of());
    }

    /** The configuration and what is wrong with it. */
    public record Loaded(MetricsConfig config, List<Problem> problems) {
    }

    /**
     * Reads {@code metrics.yaml} text; a mistake is reported at the line of the value that is wrong (taken
     * from the YAML parser's marks) and that part is left out.
     */
    public static Loaded parse(String path, String yaml) {
        YamlSettings settings = YamlSettings.parse(path, yaml);
        Loaded loaded = of(settings);
        List<Problem> problems = new ArrayList<>(settings.problems());
        problems.addAll(loaded.problems());
        return new Loaded(loaded.config(), problems);
    }

    /** The metric part of a settings file read once for all stages; its syntax error is the file's, not repeated here. */
    public static Loaded of(YamlSettings settings) {
        String path = settings.path();
        List<Problem> problems = new ArrayList<>();
        if (settings.root().isEmpty()) {
            return new Loaded(defaults(), problems);
        }
        Node root = settings.root().get();
        if (!(root instanceof MappingNode)) {
            problems.add(Problem.error(path, lineOf(root), "expected the keys metrics:, ignore:, incidents:, auto: or commitments:, not a single value"));
            return new Loaded(defaults(), problems);
        }
        Map<String, Node> top = keys(root);
        List<Definition> definitions = new ArrayList<>();
        if (top.get("metrics") instanceof SequenceNode list) {
            for (Node entry : list.getValue()) {
                definition(path, entry, problems).ifPresent(definitions::add);
            }
        } else if (top.containsKey("metrics")) {
            problems.add(Problem.error(path, lineOf(top.get("metrics")), "metrics: must be a list of entries starting with '- name: …'"));
        }
        List<String> headings = DEFAULT_INCIDENT_HEADINGS;
        if (top.get("incidents") instanceof MappingNode incidents && keys(incidents).get("headings") instanceof SequenceNode list) {
            headings = scalars(list);
        }
        int minimumWeeks = 2;
        if (top.get("auto") instanceof MappingNode auto && keys(auto).get("min_weeks") instanceof ScalarNode weeks) {
            try {
                minimumWeeks = Math.max(1, Integer.parseInt(weeks.getValue().strip()));
            } catch (NumberFormatException e) {
                problems.add(Problem.error(path, lineOf(weeks), "min_weeks is a whole number of weeks, such as 2, not '" + weeks.getValue() + "'"));
            }
        }
        List<String> ignoredLabels = new ArrayList<>();
        List<Pattern> ignoredPatterns = new ArrayList<>();
        if (top.get("ignore") instanceof SequenceNode list) {
            for (Node entry : list.getValue()) {
                String text = text(entry).orElse("").strip();
                if (text.length() > 2 && text.startsWith("/") && text.endsWith("/")) {
                    try {
                        ignoredPatterns.add(Pattern.compile(text.substring(1, text.length() - 1)));
                    } catch (PatternSyntaxException e) {
                        problems.add(Problem.error(path, lineOf(entry), "'" + text + "' in ignore: is not a valid regular expression: "
                                + e.getDescription() + "; write a label as it appears, or /a regular expression/"));
                    }
                } else if (!text.isEmpty()) {
                    ignoredLabels.add(text);
                }
            }
        } else if (top.containsKey("ignore")) {
            problems.add(Problem.error(path, lineOf(top.get("ignore")), "ignore: must be a list of labels, such as [总计, /^进度/]"));
        }
        return new Loaded(new MetricsConfig(definitions, headings, minimumWeeks, ignoredLabels, ignoredPatterns), problems);
    }

    private static final Pattern TARGET = Pattern.compile("^\\s*(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*%?\\s*$");

    private static Optional<Definition> definition(String path, Node entry, List<Problem> problems) {
        Map<String, Node> map = entry instanceof MappingNode ? keys(entry) : Map.of();
        Optional<String> given = text(map.get("name"));
        if (given.isEmpty()) {
            problems.add(Problem.error(path, lineOf(entry), "each metric needs a name: write '- name: 入金有效成功率'"));
            return Optional.empty();
        }
        String name = given.get().strip();
        List<String> aliases = map.get("aliases") instanceof SequenceNode list ? scalars(list) : List.of();
        Optional<Target> target = Optional.empty();
        Optional<String> targetText = text(map.get("target"));
        if (targetText.isPresent()) {
            Matcher m = TARGET.matcher(targetText.get());
            if (m.matches()) {
                target = Optional.of(new Target(m.group(1) == null ? ">=" : m.group(1), Double.parseDouble(m.group(2))));
            } else {
                problems.add(Problem.error(path, lineOf(map.get("target")), "target '" + targetText.get() + "' of " + name
                        + " is not understood; write it like '>= 99.95' or '<= 3'"));
            }
        }
        Optional<String> better = text(map.get("better")).map(b -> b.toLowerCase(Locale.ROOT));
        if (better.isPresent() && !better.get().equals("higher") && !better.get().equals("lower")) {
            problems.add(Problem.error(path, lineOf(map.get("better")), "better: is 'higher' or 'lower', not '" + better.get() + "'"));
            better = Optional.empty();
        }
        List<Pattern> rules = new ArrayList<>();
        if (map.get("rules") instanceof SequenceNode list) {
            for (Node rule : list.getValue()) {
                String regex = text(rule).orElse("");
                try {
                    Pattern pattern = Pattern.compile(regex);
                    if (!pattern.pattern().contains("(?<value>")) {
                        problems.add(Problem.error(path, lineOf(rule), "the rule for " + name
                                + " needs a group named value, e.g. '存量单(?<value>\\d+)单'"));
                    } else {
                        rules.add(pattern);
                    }
                } catch (PatternSyntaxException e) {
                    problems.add(Problem.error(path, lineOf(rule), "the rule for " + name
                            + " is not a valid regular expression: " + e.getDescription()));
                }
            }
        }
        Optional<String> id = text(map.get("id"));
        if (id.isPresent() && !id.get().matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(Problem.error(path, lineOf(map.get("id")), "id '" + id.get() + "' must be lower-case ASCII letters, digits and dashes"));
            id = Optional.empty();
        }
        return Optional.of(new Definition(name, id, aliases, text(map.get("unit")), target, better, rules));
    }

    private static Optional<String> text(Node node) {
        return node instanceof ScalarNode scalar && !scalar.getValue().isEmpty() ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    private static List<String> scalars(SequenceNode list) {
        return list.getValue().stream().map(MetricsConfig::text).flatMap(Optional::stream).toList();
    }


    public List<Definition> definitions() {
        return definitions;
    }

    /** How many reports in a row must state an automatically found label before it becomes a series ({@code auto: min_weeks}). */
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

    /**
     * Whether the user hid {@code label} with {@code ignore:}: an entry equal to it (letter case aside), or a
     * {@code /regular expression/} found in it. A label that names a defined metric is never hidden.
     */
    public boolean isIgnored(String label) {
        if (definitionOf(label).isPresent()) {
            return false;
        }
        if (ignoredLabels.contains(label.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (Pattern p : ignoredPatterns) {
            if (p.matcher(label).find()) {
                return true;
            }
        }
        return false;
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

    /**
     * Whether one of the incident headings stands in {@code text} where {@link #isIncidentHeading} can find it: after
     * nothing but what {@link #HEADING_PREFIX} takes away (spaces, a number and its stop, an opening bracket). Both
     * extractors ask this of every line of every report, so it reads only the start of a line, not all of it.
     */
    private boolean mayNameIncidentHeading(String text) {
        if (incidentHeadingStarts.length() < incidentHeadings.size()) {
            return true; // an empty heading is in every text
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (incidentHeadingStarts.indexOf(c) >= 0) {
                for (String heading : incidentHeadings) {
                    if (text.startsWith(heading, i)) {
                        return true;
                    }
                }
            }
            if (!(Character.isWhitespace(c) || c >= '0' && c <= '9' || ".、)【[".indexOf(c) >= 0)) {
                return false;
            }
        }
        return false;
    }

    /** Whether a heading or label names the section incidents are listed under ({@code 【生产稳定性事件】}, {@code 3. 生产稳定性事件：}). */
    public boolean isIncidentHeading(String text) {
        // Cheap test first: most lines start with none of the headings.
        if (!mayNameIncidentHeading(text)) {
            return false;
        }
        String clean = HEADING_SUFFIX.matcher(HEADING_PREFIX.matcher(text.strip()).replaceAll("")).replaceAll("");
        return incidentHeadings.contains(clean);
    }
}
