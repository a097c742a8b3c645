package io.github.weeklyarchive.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The metadata block at the top of a report, in whichever form an archive carries it, consumed so it
 * is never shown as body text:
 * <ul>
 *   <li>YAML between {@code ---} lines (Jekyll, Hugo, most tools);</li>
 *   <li>TOML between {@code +++} lines (Hugo);</li>
 *   <li>JBake's own header: {@code key=value} lines ended by {@code ~~~~~~}, so a JBake user's
 *       content folder builds as it is;</li>
 *   <li>Pelican / MultiMarkdown {@code Key: value} lines at the very top, ended by a blank line
 *       ({@code Title:}, {@code Date:}, {@code Number:}, {@code Tags:}, {@code Status: draft}).</li>
 * </ul>
 * Keys are read case-insensitively and mapped onto what a report needs: {@code status: draft} means
 * {@code draft: true}, and an issue {@code number} is the week label when no {@code week} is given.
 *
 * @param values   the keys, lower-cased; empty when there is no metadata block
 * @param body     the text after the block
 * @param bodyLine the 1-based line of the source on which {@code body} starts
 * @param keyLines the 1-based line of each key, for messages about its value
 * @param error    what made the block unreadable, if it was
 */
public record FrontMatter(Map<String, Object> values, String body, int bodyLine, Map<String, Integer> keyLines, Optional<Problem> error) {

    /** Keys that mark the first line of a Pelican / MultiMarkdown header; other {@code Word: text} lines open no header. */
    private static final Set<String> HEADER_KEYS = Set.of("title", "date", "number", "category", "tags", "author", "authors",
            "status", "summary", "slug", "modified", "lang", "week", "draft");
    private static final Pattern KEY_VALUE_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9_ -]{0,30}):\\s*(.*)$");
    private static final Pattern JBAKE_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$");
    private static final Pattern JBAKE_END = Pattern.compile("^~{6,}\\s*$");
    private static final Pattern TOML_KEY = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*=");
    private static final TomlMapper TOML = new TomlMapper();

    public static FrontMatter split(String path, String text) {
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (firstLine.equals("---")) {
            return fenced(path, text, "---", "YAML", FrontMatter::readYaml);
        }
        if (firstLine.equals("+++")) {
            return fenced(path, text, "+++", "TOML", FrontMatter::readToml);
        }
        if (JBAKE_LINE.matcher(firstLine).matches()) {
            Optional<FrontMatter> jbake = jbakeHeader(text);
            if (jbake.isPresent()) {
                return jbake.get();
            }
        }
        Matcher key = KEY_VALUE_LINE.matcher(firstLine);
        if (key.matches() && HEADER_KEYS.contains(key.group(1).strip().toLowerCase(Locale.ROOT))) {
            return keyValueHeader(text);
        }
        return none(text);
    }

    private static FrontMatter none(String text) {
        return new FrontMatter(Map.of(), text, 1, Map.of(), Optional.empty());
    }

    /** What a fenced block's reader returns: its keys, or the problem at a line relative to the block. */
    private record Read(Map<String, Object> values, Optional<String> problem, int problemLine) {
    }

    private interface BlockReader {
        Read read(String block);
    }

    private static FrontMatter fenced(String path, String text, String fence, String language, BlockReader reader) {
        String[] lines = text.split("\n", -1);
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals(fence) || (fence.equals("---") && line.equals("..."))) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return new FrontMatter(Map.of(), text, 1, Map.of(), Optional.of(Problem.error(path, 1,
                    "front matter opened with " + fence + " is never closed; add a line " + fence + " after the last key")));
        }
        String block = String.join("\n", java.util.Arrays.asList(lines).subList(1, close));
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length));
        int bodyLine = close + 2;
        Read read = reader.read(block);
        if (read.problem().isPresent()) {
            return new FrontMatter(Map.of(), body, bodyLine, Map.of(), Optional.of(Problem.error(path, 1 + read.problemLine(),
                    "front matter is not valid " + language + " (" + read.problem().get() + ")" + hintFor(language))));
        }
        Map<String, Integer> keyLines = new HashMap<>();
        for (int i = 1; i < close; i++) {
            Matcher m = (language.equals("TOML") ? TOML_KEY : KEY_VALUE_LINE).matcher(lines[i]);
            if (m.find() && !lines[i].startsWith(" ")) {
                keyLines.putIfAbsent(m.group(1).strip().toLowerCase(Locale.ROOT), i + 1);
            }
        }
        return new FrontMatter(normalise(read.values()), body, bodyLine, keyLines, Optional.empty());
    }

    private static String hintFor(String language) {
        return language.equals("YAML")
                ? "; write one key: value per line, and quote values that contain a colon"
                : "; write one key = value per line, with text in quotes: title = \"第09周\"";
    }

    private static Read readYaml(String block) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(block);
            if (loaded == null) {
                return new Read(Map.of(), Optional.empty(), 0);
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                return new Read(Map.of(), Optional.of("it must be key: value lines (title, date, week, tags, draft), not a single value"), 1);
            }
            return new Read(stringKeys(map), Optional.empty(), 0);
        } catch (MarkedYAMLException e) {
            int line = 1 + (e.getProblemMark() == null ? 0 : e.getProblemMark().getLine());
            return new Read(Map.of(), Optional.of(e.getProblem() == null ? "unreadable YAML" : e.getProblem()), line);
        } catch (YAMLException | ClassCastException e) {
            return new Read(Map.of(), Optional.of("unreadable YAML"), 1);
        }
    }

    private static Read readToml(String block) {
        try {
            Map<?, ?> map = TOML.readValue(block, Map.class);
            return new Read(stringKeys(map), Optional.empty(), 0);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            return new Read(Map.of(), Optional.of(e.getOriginalMessage()), line);
        }
    }

    /** JBake: {@code key=value} lines up to a line of six or more {@code ~}; without that line it is not a header. */
    private static Optional<FrontMatter> jbakeHeader(String text) {
        String[] lines = text.split("\n", -1);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        for (int i = 0; i < lines.length && i < 100; i++) {
            String line = lines[i].strip();
            if (JBAKE_END.matcher(line).matches()) {
                String body = String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
                return Optional.of(new FrontMatter(normalise(values), body, i + 2, keyLines, Optional.empty()));
            }
            Matcher m = JBAKE_LINE.matcher(line);
            if (m.matches()) {
                String key = m.group(1).toLowerCase(Locale.ROOT);
                values.put(key, m.group(2).strip());
                keyLines.putIfAbsent(key, i + 1);
            } else if (!line.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Pelican / MultiMarkdown: {@code Key: value} lines from the first, up to the first blank line. */
    private static FrontMatter keyValueHeader(String text) {
        String[] lines = text.split("\n", -1);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        int i = 0;
        String lastKey = null;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                break;
            }
            Matcher m = KEY_VALUE_LINE.matcher(line.strip());
            if (lastKey != null && (line.startsWith(" ") || line.startsWith("\t"))) {
                values.put(lastKey, values.get(lastKey) + " " + line.strip()); // MultiMarkdown continues a value indented
                continue;
            }
            if (!m.matches()) {
                break; // the header ends where prose begins
            }
            lastKey = m.group(1).strip().toLowerCase(Locale.ROOT);
            values.put(lastKey, m.group(2).strip());
            keyLines.putIfAbsent(lastKey, i + 1);
        }
        int bodyStart = i < lines.length && lines[i].isBlank() ? i + 1 : i;
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(bodyStart, lines.length));
        return new FrontMatter(normalise(values), body, bodyStart + 1, keyLines, Optional.empty());
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                values.put(String.valueOf(key).toLowerCase(Locale.ROOT), value);
            }
        });
        return values;
    }

    /** Maps each format's words onto one vocabulary: draft, and week for an issue number. */
    private static Map<String, Object> normalise(Map<String, Object> values) {
        Map<String, Object> normal = new LinkedHashMap<>(values);
        Object status = values.get("status");
        if (status != null && !values.containsKey("draft")) {
            normal.put("draft", String.valueOf(status).strip().equalsIgnoreCase("draft"));
        }
        Object number = values.get("number");
        if (number != null && !values.containsKey("week") && String.valueOf(number).strip().matches("\\d{1,6}")) {
            normal.put("week", "#" + String.valueOf(number).strip());
        }
        return normal;
    }

    Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Line of a key inside the source file, for messages about its value. */
    int lineOf(String key, String source) {
        return keyLines.getOrDefault(key, 1);
    }

    static List<String> asList(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).split("[,，]"));
    }
}
