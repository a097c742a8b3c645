package io.github.weeklyarchive.commitments;

import io.github.weeklyarchive.report.NormalForm;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.SourceLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a report says about dated work, clause by clause ({@link Statement}s). A clause is a promise when a
 * date is followed by an action ({@code 预计2/28系统上线}, {@code 下周二上线}, {@code 计划4/15完成}); a date already
 * past when the report was written is a record, not a promise (and, when it says an action happened,
 * {@code 一期2/21系统上线完成}, a sign that it is done). {@code 已上线}, {@code 上线完成} say an action is done;
 * {@code 延期至3/7}, {@code 推迟} that it slipped. Everything else is left alone: a wrong "done" is worse than none,
 * so progress ({@code 完成80%}), hedges ({@code 基本完成}) and negations ({@code 未上线}) are never read as done.
 */
public final class CommitmentExtractor {

    private CommitmentExtractor() {
    }

    /** Words that may stand between a date and its action: 3/7前上线, 3月底之前完成. */
    private static final Pattern AFTER_DATE = Pattern.compile("^\\s*(?:之前|以前|前后|左右|以内|前|内)?\\s*(?:预计|计划|争取|将|会|再|可以|可|能|要)?\\s*");
    /** After a date, what says the work is planned ({@code 7月上旬预计完成}, {@code 这周可以完成}). */
    private static final Pattern INTENT_AFTER = Pattern.compile("^\\s*(?:之前|以前|前后|左右|以内|前|内)?\\s*(?:预计|计划|争取|将|会|可以|可|能|要)");
    private static final Pattern PLANNED = Pattern.compile("预计|计划|拟|争取|目标|预期|有望|力争|准备|将于|将在|要在|需在|需要在|应在|expected|planned|target");
    /** What before an action makes it not done: 未上线, 基本完成, 即将上线, 部分完成. */
    private static final Pattern NOT_DONE = Pattern.compile("(?:未|尚未|还未|暂未|没有|没|不|待|基本|部分|大部分|初步|即将|将|预计|计划|准备|争取|需|需要|无法|未能)$");
    private static final Pattern PROGRESS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    /** A clause that ends in a count ({@code 共12个}): a figure, not a name for the work. */
    private static final Pattern COUNT_AT_END = Pattern.compile(".*\\d+\\s*(?:个|项|单|笔|次)$");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d{1,2}\\s*[.、)](?!\\d)|\\(\\d{1,2}\\)|[一二三四五六七八九十]{1,2}\\s*[、.])\\s*");
    private static final Pattern DECORATION = Pattern.compile("[\\[\\]【】「」《》“”\"'*`~]+");
    private static final Pattern STATUS = Pattern.compile("(?:进行|测试|开发|研发|分析|推进|对接|处理|评审|准备|筹备|联调|跟进|修复|实施|编写|设计|验证|排查|沟通|梳理|整改|改造)中$"
            + "|(?:已经|已于|已在|已|将于|将在|将|于|在|到|至|前|之前|计划调整|计划|预计|拟|争取|目标|有望|力争|的|也|均|都|已修复|修复|完毕|启动|正在|目前|当前|等待|会|可以)$"
            + "|^(?:我们|我|他们|团队)$"
            + "|\\s*(?:进度|进展|完成度|比例)?\\s*\\d+(?:\\.\\d+)?\\s*%\\+?$");

    /** The clauses of one report that speak of dated work, in the order of the file. */
    public static List<Statement> extract(Report report, CommitmentsConfig config) {
        return extract(report, config, new ArrayList<>());
    }

    /** As {@link #extract(Report, CommitmentsConfig)}, adding to {@code problems} a promise whose date is no day ({@code 2/30上线}). */
    public static List<Statement> extract(Report report, CommitmentsConfig config, List<Problem> problems) {
        if (!config.enabled()) {
            return List.of();
        }
        Map<Integer, String> firstSentenceOfItem = new HashMap<>();
        Map<String, String> topics = new HashMap<>(); // an item's name is made only for items that promise something
        String firstLetters = config.firstLetters();
        List<Statement> statements = new ArrayList<>();
        for (SourceLine line : report.lines()) {
            String text = NormalForm.compatible(line.text()).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] sentences = sentences(text);
            if (sentences.length == 0) {
                continue; // a line of nothing but full stops ("……。", "!!!")
            }
            String itemStart = line.item() >= 0 ? firstSentenceOfItem.computeIfAbsent(line.item(), k -> sentences[0]) : sentences[0];
            if (!mayStateAnything(text, config)) {
                continue; // no date, no 已, no done or slip word: most lines of a report, passed over cheaply
            }
            Context context = new Context(report, line, () -> topics.computeIfAbsent(itemStart, s -> topicOf(s, report.date(), config)),
                    line.headingId(), config, firstLetters);
            impossibleDates(text, report.date(), config).forEach(written -> problems.add(Problem.warning(report.source(), line.line(), "'" + written
                    + "' is not a day of the calendar, so this promise is not followed; write the date it is due, such as 2/28")));
            for (String sentence : sentences) {
                String[] clauses = clauses(sentence);
                String before = "";
                Optional<Integer> yearSaid = Optional.empty();
                for (String clause : clauses) {
                    // A year written out (2005年4月3日) holds for this clause and the ones after it: looked for once.
                    if (yearSaid.isEmpty() && clause.contains("20")) {
                        yearSaid = DueDates.yearSaid(clause);
                    }
                    read(clause.strip(), before, yearSaid, context).ifPresent(statements::add);
                    before = clause.strip();
                }
            }
        }
        return statements;
    }

    /** The sentences of a line: what {@code Pattern.compile("[;。!?]+").split(text)} gives. */
    static String[] sentences(String text) {
        return split(text, i -> ";。!?".indexOf(text.charAt(i)) >= 0, true);
    }

    /** The clauses of a sentence, split at a comma or a colon not between digits (19:40): {@code ,|(?<!\d):|:(?!\d)}. */
    static String[] clauses(String text) {
        return split(text, i -> text.charAt(i) == ',' || text.charAt(i) == ':' && !(isDigitAt(text, i - 1) && isDigitAt(text, i + 1)), false);
    }

    private static boolean isDigitAt(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /**
     * As {@link Pattern#split(CharSequence)} with a pattern that matches one separator character, or a run of them
     * when {@code runs}: the text itself when no character separates, else the parts between, trailing empty parts
     * dropped. Every line of every report is split so, into sentences and clauses; a pattern's matcher for each
     * was a good part of the time.
     */
    private static String[] split(String text, java.util.function.IntPredicate separatesAt, boolean runs) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (separatesAt.test(i)) {
                parts.add(text.substring(start, i));
                while (runs && i + 1 < text.length() && separatesAt.test(i + 1)) {
                    i++;
                }
                start = i + 1;
            }
        }
        if (parts.isEmpty()) {
            return new String[] {text};
        }
        parts.add(text.substring(start));
        int size = parts.size();
        while (size > 0 && parts.get(size - 1).isEmpty()) {
            size--;
        }
        return parts.subList(0, size).toArray(new String[0]);
    }

    private record Context(Report report, SourceLine line, java.util.function.Supplier<String> item, String anchor, CommitmentsConfig config,
                           String firstLetters) {
        Statement statement(Statement.Kind kind, String detail, String action, Set<String> verbs, Optional<LocalDate> date) {
            String topic = item.get();
            String shownDetail = detail.equals(topic) || topic.contains(detail) ? "" : detail;
            // A clause that names nothing ("9月3日发布", its subject on the line before) is about its section.
            boolean general = topic.isEmpty() && shownDetail.isEmpty() && !line.section().isEmpty();
            String named = general ? clean(line.section().get(line.section().size() - 1), config) : topic;
            return new Statement(kind, new Subject(named, shownDetail, general), action, verbs, date, line.sectionPath(),
                    report.source(), line.line(), line.text().strip(), anchor);
        }
    }

    private static Optional<Statement> read(String clause, String before, Optional<Integer> yearSaid, Context c) {
        if (clause.isEmpty()) {
            return Optional.empty();
        }
        LocalDate written = c.report().date();
        List<DueDates.Found> dates = DueDates.find(clause, written, yearSaid);
        for (int i = dates.size() - 1; i >= 0; i--) { // the last date of a clause is its due date (3/7-3/9完成 is due 3/9)
            DueDates.Found date = dates.get(i);
            String pre = clause.substring(0, date.start());
            String after = clause.substring(date.end());
            String afterWords = AFTER_DATE.matcher(after).replaceFirst("");
            Optional<Verb> verb = firstVerb(afterWords, c.config());
            boolean slipped = endsWithWordOf(tail(pre, 6), c.config().slipped());
            if (verb.isEmpty() || verb.get().at() > 3) {
                verb = Optional.empty();
            }
            if (!slipped && verb.isEmpty()) {
                continue;
            }
            String action = verb.map(v -> actionAt(afterWords, v.at(), c.config())).orElseGet(() -> lastVerbIn(pre, c.config()).orElse(""));
            boolean planned = slipped || PLANNED.matcher(pre).find() || INTENT_AFTER.matcher(after).find();
            if (verb.isPresent() && afterWords.startsWith("了", verb.get().at() + action.length())) {
                return Optional.empty(); // 11月完成了移植: the action is told as past, a record
            }
            if (!date.exact() && !planned) {
                continue; // 年底验收, 6月份立的 flag: a stretch of time is a due date only when the sentence plans something
            }
            Set<String> verbs = verbsIn(action, c.config());
            String detail = detailOf(pre, before, c.config());
            if (slipped) {
                return Optional.of(c.statement(Statement.Kind.SLIPPED, detail, action, verbs, Optional.of(date.date())));
            }
            if (date.date().isBefore(written)) {
                // A record, not a promise. It says the work is done only when nothing hedges it.
                if (!planned && !notDone(afterWords, verb.get().at()) && !inProgress(clause)) {
                    return Optional.of(c.statement(Statement.Kind.DONE, detail, action, verbs, Optional.of(date.date())));
                }
                return Optional.empty();
            }
            if (pre.endsWith("已于") || pre.endsWith("已在") || pre.endsWith("已")) {
                return Optional.empty(); // "已于" a date not yet come: a slip of the pen, neither promise nor record
            }
            return Optional.of(c.statement(Statement.Kind.PROMISE, detail, action, verbs, Optional.of(date.date())));
        }
        return doneOrSlipped(clause, before, c);
    }

    /** Whether a line has anything a statement needs: a digit or a relative date, {@code 已}, a done or a slip word. */
    private static boolean mayStateAnything(String text, CommitmentsConfig config) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == '周' || c == '月' || c == '年' || c == '已') {
                return true;
            }
        }
        for (List<String> words : List.of(config.done(), config.slipped(), FINISHED)) {
            for (String word : words) {
                if (text.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What after a verb says it is done: 上线完成, 评审完毕. */
    private static final List<String> FINISHED = List.of("完成", "完毕", "已完成", "均已完成", "成功", "结束");

    /** Written days before an action that are no day ({@code 2/30上线}, {@code 4月31日完成}): a promise that cannot be followed. */
    private static List<String> impossibleDates(String text, LocalDate written, CommitmentsConfig config) {
        List<String> impossible = new ArrayList<>();
        for (DueDates.NoDay noDay : DueDates.noDays(text, written)) {
            Optional<Verb> verb = firstVerb(AFTER_DATE.matcher(text.substring(noDay.end())).replaceFirst(""), config);
            if (verb.isPresent() && verb.get().at() <= 3) {
                impossible.add(noDay.written());
            }
        }
        return impossible;
    }

    /** A clause without a date that says an action is done, or that it slipped without a new date. */
    private static Optional<Statement> doneOrSlipped(String clause, String before, Context c) {
        CommitmentsConfig config = c.config();
        if (!inProgress(clause)) {
            for (int at = 0; at < clause.length(); at++) {
                if (c.firstLetters().indexOf(clause.charAt(at)) < 0) {
                    continue; // most characters begin no verb or done word: a long report is read in linear time
                }
                Optional<String> done = doneAt(clause, at, config);
                if (done.isPresent() && !notDone(clause, at)) {
                    Set<String> verbs = verbsIn(done.get(), config);
                    if (verbs.isEmpty()) {
                        return Optional.empty(); // "已通过": done, but we cannot tell what was
                    }
                    String action = actionAt(done.get(), firstVerb(done.get(), config).orElseThrow().at(), config);
                    return Optional.of(c.statement(Statement.Kind.DONE, detailOf(clause.substring(0, at), before, config),
                            action, verbs, Optional.empty()));
                }
            }
        }
        for (String word : config.slipped()) {
            int at = clause.indexOf(word);
            if (at < 0) {
                continue;
            }
            boolean needsDate = word.endsWith("到") || word.endsWith("至") || word.endsWith("为");
            if (!needsDate && !notDone(clause, at)) {
                String pre = clause.substring(0, at);
                Set<String> verbs = verbsIn(pre, config);
                return Optional.of(c.statement(Statement.Kind.SLIPPED, detailOf(pre, before, config),
                        lastVerbIn(pre, config).orElse(""), verbs, Optional.empty()));
            }
        }
        return Optional.empty();
    }

    /** The done phrase starting at {@code at}: a configured word ({@code 已上线}), {@code 已VERB} or {@code VERB完成}. */
    private static Optional<String> doneAt(String clause, int at, CommitmentsConfig config) {
        for (String word : config.done()) {
            if (clause.startsWith(word, at)) {
                return Optional.of(word);
            }
        }
        if (clause.startsWith("已", at)) {
            int from = at + 1 + (clause.startsWith("经", at + 1) ? 1 : 0);
            Optional<Verb> verb = firstVerb(clause.substring(from), config);
            if (verb.isPresent() && verb.get().at() <= 2) {
                return Optional.of(clause.substring(at, from + verb.get().at() + verb.get().word().length()));
            }
            return Optional.empty();
        }
        for (String verb : config.verbs()) {
            if (!verb.equals(Statement.GENERIC) && clause.startsWith(verb, at)) {
                int end = at + verb.length();
                for (String finish : FINISHED) {
                    if (clause.startsWith(finish, end) && !clause.startsWith("率", end + finish.length())
                            && !clause.startsWith("度", end + finish.length())) {
                        return Optional.of(clause.substring(at, end + finish.length()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether what stands before {@code at} makes the action there not (yet, or not wholly) done. */
    private static boolean notDone(String text, int at) {
        return NOT_DONE.matcher(text.substring(Math.max(0, at - 3), at)).find();
    }

    /** A clause that gives progress short of all of it ({@code 完成80%}) does not say a thing is done. */
    private static boolean inProgress(String clause) {
        if (clause.indexOf('%') < 0) {
            return false; // most clauses give no percentage: no matcher for them
        }
        Matcher m = PROGRESS.matcher(clause);
        while (m.find()) {
            if (Double.parseDouble(m.group(1)) < 100) {
                return true;
            }
        }
        return false;
    }

    private record Verb(int at, String word) {
    }

    private static Optional<Verb> firstVerb(String text, CommitmentsConfig config) {
        Verb first = null;
        for (String verb : config.verbs()) {
            int at = text.indexOf(verb);
            if (at >= 0 && (first == null || at < first.at() || at == first.at() && verb.length() > first.word().length())) {
                first = new Verb(at, verb);
            }
        }
        return Optional.ofNullable(first);
    }

    private static Optional<String> lastVerbIn(String text, CommitmentsConfig config) {
        String last = null;
        int lastAt = -1;
        for (String verb : config.verbs()) {
            int at = text.lastIndexOf(verb);
            if (at > lastAt) {
                lastAt = at;
                last = verb;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The action named at {@code at}: its verb and the verbs that follow it ({@code 切量完成}, {@code 上线完成}). */
    private static String actionAt(String text, int at, CommitmentsConfig config) {
        int end = at;
        boolean more = true;
        while (more) {
            more = false;
            for (String verb : config.verbs()) {
                if (text.startsWith(verb, end)) {
                    end += verb.length();
                    more = true;
                    break;
                }
            }
        }
        return text.substring(at, end);
    }

    private static Set<String> verbsIn(String text, CommitmentsConfig config) {
        Set<String> verbs = new LinkedHashSet<>();
        for (String verb : config.verbs()) {
            if (text.contains(verb)) {
                verbs.add(verb);
            }
        }
        return verbs;
    }

    /** Whether {@code text} ends with one of {@code words}, a trailing 到, 至, 为, 于 or 在 aside on either. */
    private static boolean endsWithWordOf(String text, List<String> words) {
        String trimmed = withoutLinkingWords(text.strip());
        for (String word : words) {
            String w = withoutLinkingWords(word);
            if (!w.isEmpty() && (text.endsWith(word) || trimmed.endsWith(w))) {
                return true;
            }
        }
        return false;
    }

    private static String withoutLinkingWords(String text) {
        int end = text.length();
        while (end > 0 && "到至为于在".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String tail(String text, int length) {
        return text.substring(Math.max(0, text.length() - length));
    }

    /**
     * The clause's own phrase for the work: what comes before the date or the done word, without the words that
     * plan, hedge or report status; when nothing is left, the clause before it, unless that one is a figure.
     */
    private static String detailOf(String pre, String before, CommitmentsConfig config) {
        String own = clean(pre, config);
        if (!own.isEmpty()) {
            return own;
        }
        if (PROGRESS.matcher(before).find() || COUNT_AT_END.matcher(before).matches()) {
            return "";
        }
        return clean(before, config);
    }

    /** An item's name: its first clause, cleaned as a phrase is. */
    private static String topicOf(String firstSentence, LocalDate written, CommitmentsConfig config) {
        String[] clauses = clauses(firstSentence);
        if (clauses.length == 0) {
            return "";
        }
        List<DueDates.Found> dates = DueDates.find(clauses[0], written);
        return clean(dates.isEmpty() ? clauses[0] : clauses[0].substring(0, dates.get(0).start()), config);
    }

    static String clean(String phrase, CommitmentsConfig config) {
        String text = DECORATION.matcher(NUMBERING.matcher(phrase).replaceFirst("")).replaceAll("").strip();
        String previous;
        do {
            previous = text;
            text = STATUS.matcher(text).replaceFirst("").strip();
            for (List<String> words : List.of(config.slipped(), config.done(), config.verbs())) {
                for (String word : words) {
                    if (text.endsWith(word) && text.length() > word.length()) {
                        text = text.substring(0, text.length() - word.length()).strip();
                    } else if (text.equals(word)) {
                        text = "";
                    }
                }
            }
        } while (!text.equals(previous) && !text.isEmpty());
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
