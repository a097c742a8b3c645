package io.github.weeklyarchive.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The optional YAML block at the top of a report, between two {@code ---} lines.
 *
 * @param values     the parsed keys; empty when there is no front matter
 * @param body       the text after the block
 * @param bodyLine   the 1-based line of the source on which {@code body} starts
 * @param error      what made the block unreadable, if it was
 */
record FrontMatter(Map<String, Object> values, String body, int bodyLine, Optional<Problem> error) {

    static FrontMatter split(String path, String text) {
        if (!text.startsWith("---\n")) {
            return new FrontMatter(Map.of(), text, 1, Optional.empty());
        }
        int close = findClosingLine(text);
        if (close < 0) {
            return new FrontMatter(Map.of(), text, 1, Optional.of(Problem.error(path, 1,
                    "front matter opened with --- is never closed; add a line --- after the last key")));
        }
        String yamlText = text.substring(4, close);
        int afterClose = text.indexOf('\n', close);
        String body = afterClose < 0 ? "" : text.substring(afterClose + 1);
        int bodyLine = 2 + (int) yamlText.chars().filter(c -> c == '\n').count() + 1;
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
            if (loaded == null) {
                return new FrontMatter(Map.of(), body, bodyLine, Optional.empty());
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                return new FrontMatter(Map.of(), body, bodyLine, Optional.of(Problem.error(path, 2,
                        "front matter must be key: value lines (title, date, week, tags, draft), not a single value")));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) map;
            return new FrontMatter(values, body, bodyLine, Optional.empty());
        } catch (MarkedYAMLException e) {
            int line = 2 + (e.getProblemMark() == null ? 0 : e.getProblemMark().getLine());
            String why = e.getProblem() == null ? "unreadable YAML" : e.getProblem();
            return new FrontMatter(Map.of(), body, bodyLine, Optional.of(Problem.error(path, line,
                    "front matter is not valid YAML (" + why + "); write one key: value per line, "
                            + "and quote values that contain a colon")));
        } catch (YAMLException | ClassCastException e) {
            return new FrontMatter(Map.of(), body, bodyLine, Optional.of(Problem.error(path, 2,
                    "front matter is not valid YAML; write one key: value per line")));
        }
    }

    /** Offset of the closing {@code ---} (or {@code ...}) line, or -1. */
    private static int findClosingLine(String text) {
        int lineStart = 4;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Line of a key inside the source file, for messages about its value. */
    int lineOf(String key, String source) {
        String[] lines = source.split("\n", -1);
        for (int i = 1; i < Math.min(lines.length, bodyLine); i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }

    static List<String> asList(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).split("[,，]"));
    }
}
