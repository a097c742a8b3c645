package io.github.weeklyarchive.settings;

import io.github.weeklyarchive.report.Problem;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A settings file in YAML ({@code metrics.yaml}), read once for every stage that takes a part of it: the metric
 * rules, the incident headings, the commitment words. Its node tree is kept rather than Java objects, so each
 * stage reports a wrong value at its own line; a syntax error is reported here, once for the whole file.
 *
 * @param path     the file as shown in messages
 * @param root     the document's top node; empty for an empty file or one that is not valid YAML
 * @param problems the syntax error, if the file has one
 */
public record YamlSettings(String path, Optional<Node> root, List<Problem> problems) {

    public YamlSettings {
        problems = List.copyOf(problems);
    }

    /** No file: every stage takes its defaults. */
    public static YamlSettings none(String path) {
        return new YamlSettings(path, Optional.empty(), List.of());
    }

    public static YamlSettings parse(String path, String yaml) {
        try {
            // compose() builds the node tree without constructing any object: safe, and every node knows its line.
            return new YamlSettings(path, Optional.ofNullable(new Yaml(new LoaderOptions()).compose(new StringReader(yaml))), List.of());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            return new YamlSettings(path, Optional.empty(), List.of(Problem.error(path, line,
                    "not valid YAML (" + e.getProblem() + "); see the README section on metrics.yaml")));
        } catch (YAMLException e) {
            return new YamlSettings(path, Optional.empty(), List.of(Problem.error(path, 1, "not valid YAML; see the README section on metrics.yaml")));
        }
    }

    /** The value of a top-level key ({@code commitments:}), if the file is a mapping that has it. */
    public Optional<Node> section(String key) {
        return root.filter(MappingNode.class::isInstance).map(node -> keys(node).get(key));
    }

    /** The keys of a YAML mapping with their value nodes, in the file's order. */
    public static Map<String, Node> keys(Node mapping) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) mapping).getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                keys.put(key.getValue(), tuple.getValueNode());
            }
        }
        return keys;
    }

    /** The 1-based line a node starts on. */
    public static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
