package io.github.weeklyarchive.draft;

import io.github.weeklyarchive.metrics.Metric;
import io.github.weeklyarchive.metrics.MetricExtractor;
import io.github.weeklyarchive.metrics.MetricsConfig;
import io.github.weeklyarchive.report.FrontMatter;
import io.github.weeklyarchive.report.PrivateBlocks;
import io.github.weeklyarchive.report.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Next week's report, started from the latest one: an author's weeks look alike, so the new report keeps the
 * latest one's outline and leaves what changes for the author to write.
 * <ul>
 *   <li>the date moves on a week (or to the date asked for), the label is continued ({@code 第09周} → {@code 第10周})
 *       and the title, headers and file name follow the latest ones' pattern ({@link Renaming});</li>
 *   <li>every heading is kept, and every line that states a number ({@code 入金有效成功率：99.98%}) or introduces a
 *       list ({@code 成功率：}) is kept with its values left empty ({@code 入金有效成功率：});</li>
 *   <li>the incident section says {@code 本周无} until the author lists this week's;</li>
 *   <li>last week's goals ({@code 下周工作及目标}) come first under the first progress section, as a checklist to
 *       report on;</li>
 *   <li>everything else (last week's prose, code, private blocks) is left out.</li>
 * </ul>
 * A pure function of the latest report's text, tested on strings.
 */
public final class NextWeek {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)(?:[-*+]|\\d+[.、)])\\s+(?:\\[[ xX]]\\s+)?(.*)$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_DELIMITER = Pattern.compile("^\\s*\\|?\\s*:?-{3,}.*$");
    /** A label that introduces what follows: {@code 成功率：}, {@code - 账户1.x链路迁移：}, {@code Highlights:}. */
    private static final Pattern INTRODUCES = Pattern.compile(".*[：:]\\s*$");
    /**
     * A number stated as a value: a short label, a colon, the value ({@code 入金有效成功率：99.98%}, {@code 查询管理类：任务完成占比83%});
     * not a number in a sentence.
     */
    private static final Pattern STATED_VALUE = Pattern.compile("^[^，,；;。：:]{1,30}[：:][^，,；;。：:0-9]{0,12}[+-]?\\d");
    /** A top-level list item this short that holds a number is a figure ({@code 事故数AB级0次，CD级0次}), not a sentence about the week. */
    private static final int SHORT_LINE = 30;
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d[\\d,]*(?:\\.\\d+)?\\s*%?\\+?");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("[（(]\\s*/?\\s*[)）]");
    /** A goals section: {@code 下周工作及目标}, {@code 下周计划}, {@code Next week}. */
    private static final Pattern GOALS = Pattern.compile("下周|(?i:next\\s+week)");
    /** A progress section: {@code 上周进展}, {@code 本周进展}, {@code Progress}. */
    private static final Pattern PROGRESS = Pattern.compile("进展|进度|(?i:progress)");
    private static final String NO_INCIDENT = "本周无";

    private NextWeek() {
    }

    /** The new report: its date, the text to write, and its file name beside the latest one's. */
    public record Draft(LocalDate date, String text, String fileName) {
    }

    /**
     * Next week's report after {@code latest}, whose file text is {@code latestText} and whose file is named
     * {@code latestFileName}; dated {@code date}, or the same weekday a week after the latest.
     */
    public static Draft after(Report latest, String latestText, String latestFileName, Optional<LocalDate> date, MetricsConfig config) {
        return after(latest, latestText, latestFileName, latest, date, config);
    }

    /**
     * As {@link #after(Report, String, String, Optional, MetricsConfig)}, with the outline of another week,
     * {@code template}: the date and number still continue from {@code latest}.
     */
    public static Draft after(Report template, String templateText, String templateFileName, Report latest, Optional<LocalDate> date,
                              MetricsConfig config) {
        LocalDate to = date.orElse(latest.date().plusWeeks(1));
        Renaming numbering = Renaming.of(latest.title(), latest.weekLabel(), latest.date(), to);
        Renaming renaming = template == latest ? numbering
                : Renaming.of(template.title(), template.weekLabel(), template.date(), to).continuing(numbering);
        return write(template, templateText, templateFileName, to, renaming, config);
    }

    private static Draft write(Report latest, String latestText, String latestFileName, LocalDate to, Renaming renaming, MetricsConfig config) {
        String text = PrivateBlocks.blank(latest.source(), latestText).text(); // never carried into a new week
        FrontMatter front = FrontMatter.split(latest.source(), text);
        List<String> lines = text.lines().toList();
        int bodyStart = front.bodyLine() - 1;
        StringBuilder out = new StringBuilder();
        for (String header : lines.subList(0, Math.min(bodyStart, lines.size()))) {
            out.append(renaming.apply(header)).append('\n');
        }
        Set<Integer> metricLines = MetricExtractor.extract(latest, config).metrics().stream().map(Metric::line).collect(Collectors.toSet());
        List<String> body = outline(lines.subList(Math.min(bodyStart, lines.size()), lines.size()), bodyStart, metricLines, renaming, config);
        out.append(String.join("\n", body).strip()).append('\n');
        String renamedFile = renaming.applyToFileName(latestFileName);
        String fileName = renamedFile.equals(latestFileName) ? to + ".md" : renamedFile;
        return new Draft(to, out.toString(), fileName);
    }

    private static List<String> outline(List<String> lines, int firstLine, Set<Integer> metricLines, Renaming renaming, MetricsConfig config) {
        List<String> goals = goals(lines);
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        boolean inIncidents = false;
        int incidentLevel = 0;
        boolean goalsPlaced = goals.isEmpty();
        boolean titleSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                int level = heading.group(1).length();
                if (inIncidents && level <= incidentLevel) {
                    inIncidents = false;
                }
                blankLine(out);
                out.add(renaming.apply(line));
                out.add("");
                if (config.isIncidentHeading(heading.group(2))) {
                    inIncidents = true;
                    incidentLevel = level;
                    out.add("- " + NO_INCIDENT);
                    out.add("");
                } else if (!goalsPlaced && titleSeen && PROGRESS.matcher(heading.group(2)).find()) {
                    out.addAll(checklist(goals));
                    goalsPlaced = true;
                }
                titleSeen = true;
                continue;
            }
            if (inIncidents) {
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            String content = item.matches() ? item.group(2) : line.strip();
            if (line.isBlank()) {
                blankLine(out);
            } else if (item.matches() && HEADING.matcher(content).matches()) {
                out.add(line); // a heading in a list item ({@code - ### upstream pr}) is outline too
            } else if (TABLE_ROW.matcher(line).matches()) {
                boolean header = i == 0 || !TABLE_ROW.matcher(lines.get(i - 1)).matches();
                out.add(header || TABLE_DELIMITER.matcher(line).matches() ? line : tableSkeleton(line));
            } else if (metricLines.contains(firstLine + i + 1) && STATED_VALUE.matcher(content).find()) {
                out.add(line.substring(0, line.length() - content.length()) + valuesLeftEmpty(content));
            } else if (metricLines.contains(firstLine + i + 1) && item.matches() && item.group(1).length() < 4 && content.length() <= SHORT_LINE) {
                out.add(line.substring(0, line.length() - content.length()) + NUMBER.matcher(content).replaceAll(""));
            } else if (INTRODUCES.matcher(content).matches()) {
                out.add(line);
                if (config.isIncidentHeading(content)) {
                    inIncidents = true;
                    incidentLevel = 7; // to the next heading
                    out.add((item.matches() ? item.group(1) : "") + "- " + NO_INCIDENT);
                }
            }
        }
        if (!goalsPlaced) { // no progress section: the goals come first
            List<String> withGoals = new ArrayList<>();
            int afterTitle = out.isEmpty() || !HEADING.matcher(out.get(0)).matches() ? 0 : 1;
            withGoals.addAll(out.subList(0, afterTitle));
            withGoals.add("");
            withGoals.addAll(checklist(goals));
            withGoals.addAll(out.subList(afterTitle, out.size()));
            return withGoals;
        }
        return out;
    }

    /** The items of the goals section ({@code 下周工作及目标}), as written. */
    private static List<String> goals(List<String> lines) {
        List<String> goals = new ArrayList<>();
        int level = 0;
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                level = GOALS.matcher(heading.group(2)).find() ? heading.group(1).length()
                        : heading.group(1).length() <= level ? 0 : level;
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (level > 0 && item.matches() && item.group(1).length() < 2 && !item.group(2).isBlank()) {
                goals.add(item.group(2).strip());
            }
        }
        return goals;
    }

    private static List<String> checklist(List<String> goals) {
        List<String> lines = new ArrayList<>();
        for (String goal : goals) {
            lines.add("- [ ] " + goal);
        }
        lines.add("");
        return lines;
    }

    /**
     * {@code 入金有效成功率：99.98%} → {@code 入金有效成功率：}: each label keeps its colon, and what followed it up to the
     * next comma goes; a part without a label loses its numbers.
     */
    static String valuesLeftEmpty(String content) {
        StringBuilder out = new StringBuilder();
        for (String part : content.split("(?<=[，,；;。])")) {
            int colon = Math.max(part.lastIndexOf('：'), part.lastIndexOf(':'));
            if (colon >= 0 && part.substring(colon + 1).chars().anyMatch(Character::isDigit)) {
                String separator = part.matches(".*[，,；;。]$") ? part.substring(part.length() - 1) : "";
                out.append(part, 0, colon + 1).append(separator);
            } else {
                out.append(EMPTY_BRACKETS.matcher(NUMBER.matcher(part).replaceAll("")).replaceAll(""));
            }
        }
        return out.toString().replaceAll("[，,；;。]+$", "").stripTrailing();
    }

    /** A table keeps its header and delimiter rows; a body row keeps its first cell, the row's label. */
    private static String tableSkeleton(String row) {
        String[] cells = row.strip().replaceAll("^\\||\\|$", "").split("\\|", -1);
        StringBuilder out = new StringBuilder("|").append(cells[0]).append('|');
        for (int i = 1; i < cells.length; i++) {
            out.append("  |");
        }
        return out.toString();
    }

    private static void blankLine(List<String> out) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
            out.add("");
        }
    }

    /** The outline {@code new} writes when there is no report yet to start from. */
    public static String firstReport(LocalDate date, String weekLabel) {
        return """
                # %s %s

                # 上周进展

                ## 【系统运行数据】

                - 成功率：
                - 可用性：

                ## 【项目进展】

                - 

                ## 【生产稳定性事件】

                - 本周无

                # 本周收获与反思

                1. 

                # 下周工作及目标

                1. 
                """.formatted(weekLabel, date);
    }
}
