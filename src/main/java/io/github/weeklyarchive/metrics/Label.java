package io.github.weeklyarchive.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What may name a metric. A label is the name a report gives a value ({@code 入金有效成功率},
 * {@code pull requests merged}); the words that stand before numbers in running prose are not names
 * ({@code 有}, {@code 以及}, {@code 约}, {@code the qps is increased by about}), nor are header fields
 * ({@code Date}, {@code Number}), ordinals ({@code 第}, {@code #}) or version fields ({@code 版本}).
 */
final class Label {

    /** Words that are never a label on their own: function words, quantifiers, verbs of having and being. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "有", "以及", "及", "和", "与", "或", "从", "到", "约", "大约", "大概", "约为", "近", "将近", "接近", "超过", "不到", "多达",
            "高达", "长达", "达到", "达", "拥有", "具有", "含有", "包含", "多", "少", "超", "仅为", "每", "每个", "每天", "每周", "每月", "每年", "每次", "每人", "就", "就可以", "可以", "其中", "其中包括",
            "包括", "共有", "一共", "一共有", "总共", "共", "只有", "仅", "仅有", "还有", "只要", "需要", "即", "而", "它是", "这是", "是",
            "为", "在", "于", "了", "的", "这", "那", "其他", "其它", "另外", "此外", "目前", "目前有", "现在", "现在有", "当时", "如果",
            "相当于", "价格是", "价值", "获得了", "花了", "剩下的", "前", "后", "第", "全球", "全世界", "美国", "中国", "本文介绍",
            "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "from", "by", "for", "with", "about", "than", "more than",
            "less than", "over", "under", "up to", "nearly", "almost", "around", "approximately", "only", "just", "also", "each",
            "every", "per", "some", "all", "total", "it", "is", "are", "was", "were", "be", "this", "that", "there", "here", "we",
            "into", "onto", "via", "across", "exactly", "how", "why", "what", "where", "when", "so", "as", "if", "but", "not");

    /** Header and metadata fields: their values are dates, numbers of the issue, versions, not measurements. */
    private static final Set<String> HEADER_FIELDS = Set.of(
            "date", "number", "title", "category", "categories", "tags", "tag", "author", "authors", "summary", "created",
            "updated", "modified", "published", "status", "type", "slug", "layout", "version", "release", "issue", "id", "no",
            "edition", "volume", "vol", "week", "weight", "order", "lang", "time", "event date",
            "日期", "时间", "编号", "期数", "期号", "版本", "版本号", "发布时间", "创建时间", "更新时间", "上线时间", "发布日期", "作者", "标题",
            "周", "周次", "期", "第几周", "年份", "年度", "月份");

    /** Chinese words that turn what stands before a number into part of a sentence: pronouns, particles, conjunctions. */
    private static final List<String> PROSE_WORDS = List.of(
            "我", "你", "他", "她", "它", "咱", "如果", "因为", "所以", "但是", "虽然", "可能", "已经", "曾经", "了", "吗", "呢", "吧", "啊", "着", "于是",
            "然后", "并且", "而且", "只需", "就能", "就是", "也就", "比如", "例如", "竟然", "居然", "惊人");
    /** The English ones, as whole words in any letter case. */
    private static final Pattern PROSE_MARKER = Pattern.compile(
            "(?i)\\b(?:i|we|you|he|she|it|they|our|my|your|their|its|is|are|was|were|be|been|being|has|have|had|will|would"
                    + "|can|could|should|may|might|must|do|does|did|which|who|that|if|because|when|while|saw|got|how|why|what)\\b");
    /** The label ends in a verb of change, a limit or a hedge ({@code 提高到}, {@code 人口只}, {@code 超过}): a sentence. */
    private static final Pattern PROSE_ENDING = Pattern.compile(
            "(?:(?:提高|降低|增加|减少|提升|下降|上升|增长|扩大|缩小|降|升|涨|跌|充|达|截)[到至]|只|仅|仍|就|还|要|需要|超过|不到|至少|最多|将|可以|了|得|着|的)$");

    /** The longest ending {@link #PROSE_ENDING} matches. */
    private static final int PROSE_ENDING_LENGTH = 3;

    /** The label ends in a word that makes the number an ordinal, an identifier or a version, not a quantity. */
    private static final Pattern ORDINAL_BEFORE = Pattern.compile(
            "(?:第|No\\.?|#|№|(?i:\\b(?:issue|number|version|release|edition|episode|part|chapter|vol|volume|week)))\\s*$");

    /** Copulas and hedges between a name and its value: {@code 进度为60%}, {@code 价格是}, {@code 进度均为}, {@code 提交至上游共}. */
    private static final Pattern TRAILING_COPULA = Pattern.compile("(?:均为|都为|都是|约为|大约|约|为|是|达到|达|高达|有|共计|一共|总共|共)$");
    /** A number with a unit, or a date, inside the label: the label is a sentence that goes on past a value. */
    private static final Pattern VALUE_INSIDE = Pattern.compile(
            "\\d\\s*(?:%|‰|个|次|单|笔|件|人|项|条|元|万|亿|年|月|日|号|天|周|小时|分|秒|倍|名|位|岁|米|公里)|\\d\\s*[到~-]|\\d+/\\d+|\\d{4}-\\d");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9'+#.-]*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern UPPER_PLURAL = Pattern.compile("[A-Z]{2,}s");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Longest label, in Han characters plus Latin words: longer ones are sentences, not names. */
    static final int MAX_LENGTH = 16;
    /** Longest label made only of Latin words. */
    static final int MAX_WORDS = 6;

    private Label() {
    }

    /**
     * A label told apart from a namesake by a qualifier (its section, or its unit), in the label's own script:
     * {@code 存量单（支付）}, {@code Average regression (Mixed)}.
     */
    static String qualified(String label, String qualifier) {
        return HAN.matcher(label).find() ? label + "（" + qualifier + "）" : label + " (" + qualifier + ")";
    }

    /**
     * What labels that mean the same are filed under: letter case aside, and English plurals as singulars
     * ({@code 1 Regression} and {@code 6 Regressions}, {@code PR} and {@code PRs}).
     */
    static String key(String label) {
        if (HAN.matcher(label).find()) {
            return label.toLowerCase(Locale.ROOT);
        }
        StringBuilder key = new StringBuilder();
        for (String word : label.split(" ")) {
            String singular = word;
            if (UPPER_PLURAL.matcher(word).matches()) {
                singular = word.substring(0, word.length() - 1);
            } else if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
                singular = word.substring(0, word.length() - 1);
            }
            key.append(key.length() == 0 ? "" : " ").append(singular.toLowerCase(Locale.ROOT));
        }
        return key.toString();
    }

    /**
     * The name a label gives, when it is one: trailing copulas removed ({@code 进度均为} → {@code 进度}), and
     * empty for what is not a name.
     */
    static Optional<String> name(String label) {
        String name = label.strip();
        String trimmed = TRAILING_COPULA.matcher(name).replaceFirst("").strip();
        if (codePoints(trimmed) >= 2 && !trimmed.equals(name)) {
            name = trimmed;
        }
        return isName(name) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Whether {@code text} holds a Han character or a Latin letter from {@code from} on: what {@code [\p{IsHan}A-Za-z]}
     * finds, without a matcher made for each of the clauses and labels of every line that asks.
     */
    static boolean hasWord(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c < 0x80 ? c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                    : c >= 0x4E00 && c <= 0x9FA5 || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) { // common ideographs first
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** Whether {@code label} may name a metric (see the class comment). */
    static boolean isName(String label) {
        String lower = label.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || !hasWord(lower, 0) || codePoints(lower) < 2) {
            return false;
        }
        if (FUNCTION_WORDS.contains(lower) || HEADER_FIELDS.contains(lower) || HEADER_FIELDS.contains(lastPart(lower))) {
            return false;
        }
        if (isProse(label) || ORDINAL_BEFORE.matcher(label).find() || VALUE_INSIDE.matcher(label).find()) {
            return false;
        }
        // Every ending is at most three characters long: only the end of the label is searched, not each start; one more
        // for the line terminator that the pattern's $ may stand before (strip() keeps U+0085).
        if (PROSE_ENDING.matcher(lower).region(Math.max(0, lower.length() - PROSE_ENDING_LENGTH - 1), lower.length()).find()
                || lower.endsWith("~")) {
            return false;
        }
        int han = (int) HAN.matcher(label).results().count();
        long words = LATIN_WORD.matcher(label).results().count();
        if (han + words > MAX_LENGTH || (han == 0 && words > MAX_WORDS)) {
            return false;
        }
        if (han == 0) {
            // An English label is a noun phrase: it neither starts nor ends with a function word ("from", "more than").
            String[] tokens = SPACES.split(lower);
            return !FUNCTION_WORDS.contains(tokens[0]) && !FUNCTION_WORDS.contains(tokens[tokens.length - 1]);
        }
        return true;
    }

    /**
     * Whether {@code label} holds a word of prose ({@link #PROSE_WORDS}, {@link #PROSE_MARKER}). Each label of every
     * line is asked: the Chinese words are looked up as text, and the English ones only in a label with a Latin letter
     * (the pattern ignores case in ASCII only).
     */
    private static boolean isProse(String label) {
        for (String word : PROSE_WORDS) {
            if (label.contains(word)) {
                return true;
            }
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                return PROSE_MARKER.matcher(label).find();
            }
        }
        return false;
    }

    /** {@code Austria & online | Event date} → {@code event date}: the field at the end of a composite label. */
    private static String lastPart(String lower) {
        int bar = lower.lastIndexOf('|');
        return bar < 0 ? lower : lower.substring(bar + 1).strip();
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
