package io.github.weeklyarchive.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short English statements that lead with their number, as newsletters state the figures they repeat
 * every week: {@code 446 pull requests were merged in the last week} ({@code pull requests merged}),
 * {@code Last week, we landed 70 PRs in the TiDB repositories} ({@code PRs landed (TiDB)}),
 * {@code 75 artifact comparisons made in total}, {@code 0 Regressions, 6 Improvements}. The noun phrase
 * after the number, with the verb that says what happened to it, is the label. The number is a whole number: a
 * count ({@code 24.03 LTS} is a version).
 *
 * <p>What is not such a statement: a number in the middle of a sentence ({@code the qps is increased by
 * about 25%}), a noun phrase that runs on into a sentence ({@code 5 Rust crates you should know}), a span
 * of time ({@code 2 weeks ago}), or a bare {@code N things} on its own (a title, not a statement).
 */
final class NumberFirst {

    /** A statement read: its label, its number, and the verb later statements of the same sentence share. */
    record Statement(String label, double value, Optional<String> verb) {
    }

    private static final Pattern START = Pattern.compile(
            "^(?:(?:and|also|with)\\s+)?"
                    + "(?:(?:(?:in|over|during)\\s+the\\s+)?(?:last|this|past|previous)\\s+(?:two\\s+|three\\s+|few\\s+)?"
                    + "(?:week|weeks|month|months|fortnight|cycle)\\s*,?\\s+)?"
                    + "(?:(?<subject>we|they|the\\s+team|there)\\s+(?<verb>[a-z]+(?:\\s+been)?)\\s+)?"
                    + "(?:a\\s+total\\s+of\\s+|a\\s+whopping\\s+|another\\s+)?"
                    + "(?<num>\\d+)(?:\\s*\\(!\\))?\\s+(?<rest>\\S.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9+#'-]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_STOPS = Pattern.compile("[.!?;:]+$");
    private static final Set<String> AUXILIARIES = Set.of("were", "was", "are", "is", "have", "has", "had", "been", "being",
            "got", "get", "gets", "be");
    private static final Set<String> STOP = Set.of("in", "on", "at", "for", "of", "to", "from", "by", "with", "this", "last",
            "and", "or", "that", "which", "who", "across", "into", "since", "during", "over", "per", "each", "the", "a", "an",
            "you", "we", "i", "they", "it", "he", "she", "our", "your", "their", "its", "my", "than", "more", "as", "so",
            "about", "after", "before", "ago", "later", "until", "while", "when", "if", "but", "not", "no", "out", "up");
    private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("made", "done", "written", "built", "run", "sent", "held",
            "found", "given", "taken", "seen", "shown", "won", "begun", "drawn", "chosen", "grown", "brought", "bought",
            "caught", "taught", "thought", "put", "set", "cut", "read", "led", "met", "paid", "said", "sold", "told", "lost",
            "kept", "left", "spent", "shipped", "landed");
    /** A span of time after the number: {@code 2 weeks ago}, {@code 10 years of Rust}. */
    private static final Set<String> TIME_NOUNS = Set.of("second", "seconds", "minute", "minutes", "hour", "hours", "day",
            "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "time", "times", "am", "pm");
    private static final Pattern TIME_TAIL = Pattern.compile(
            "^(?:(?:in|over|during|for)\\s+)?(?:the\\s+)?(?:last|this|past|previous)\\s+(?:two\\s+|three\\s+|few\\s+|\\d+\\s+)?"
                    + "(?:week|weeks|month|months|fortnight|cycle|days)$|^in\\s+total$|^so\\s+far$|^today$|^overall$|^total$"
                    + "|^this\\s+time$|^since\\s+last\\s+(?:week|month|issue)$",
            Pattern.CASE_INSENSITIVE);
    /** {@code in the TiKV and PD repositories}: where it happened, kept as a qualifier of the label. */
    private static final Pattern SCOPE_TAIL = Pattern.compile(
            "^(?:in|on|for|to|across|into|from)\\s+(?:the\\s+)?(?<scope>(?:[A-Z`][\\w`./+#-]*|and|&)(?:\\s+(?:[A-Z`][\\w`./+#-]*|and|&)){0,4})"
                    + "(?:\\s+(?:repository|repositories|repo|repos|project|projects|organization|org|codebase|crates?))?"
                    + "(?:\\s+(?<time>.+))?$");
    /** A statement longer than this many words is a sentence of prose, not a figure. */
    static final int MAX_WORDS = 16;

    private NumberFirst() {
    }

    /**
     * The statement {@code clause} makes, if it is one.
     *
     * @param inheritedVerb the verb of the statement before it in the same sentence ({@code we landed 22 PRs in TiDB
     *                      and 15 PRs in TiKV}: the second is landed too)
     * @param bareAllowed   whether a bare {@code N things} counts: only beside other statements ({@code 0 Regressions,
     *                      6 Improvements}) or with a verb before it
     */
    static Optional<Statement> read(String clause, Optional<String> inheritedVerb, boolean bareAllowed) {
        String text = TRAILING_STOPS.matcher(clause.strip()).replaceAll("").strip();
        if (text.isEmpty() || !Character.isLetterOrDigit(text.charAt(0)) || SPACES.split(text).length > MAX_WORDS) {
            return Optional.empty();
        }
        Matcher m = START.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<String> verb = Optional.empty();
        if (m.group("subject") != null) {
            String subject = m.group("subject").toLowerCase(Locale.ROOT);
            String v = m.group("verb").toLowerCase(Locale.ROOT);
            if (subject.equals("there")) {
                if (!AUXILIARIES.contains(SPACES.split(v)[0])) {
                    return Optional.empty();
                }
            } else if (isParticiple(v)) {
                verb = Optional.of(v);
            } else {
                return Optional.empty();
            }
        }
        String[] words = SPACES.split(m.group("rest"));
        List<String> noun = new ArrayList<>();
        int i = 0;
        for (; i < words.length && noun.size() < 4; i++) {
            String w = words[i];
            String lower = w.toLowerCase(Locale.ROOT);
            if (!WORD.matcher(w).matches() || STOP.contains(lower) || AUXILIARIES.contains(lower)
                    || (!noun.isEmpty() && isParticiple(lower))) {
                break;
            }
            noun.add(w);
        }
        if (noun.isEmpty() || TIME_NOUNS.contains(noun.get(noun.size() - 1).toLowerCase(Locale.ROOT))
                || TIME_NOUNS.contains(noun.get(0).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        // The verb after the noun phrase: "were merged", "made", "got fixed".
        if (i < words.length && AUXILIARIES.contains(words[i].toLowerCase(Locale.ROOT))) {
            i++;
            if (i < words.length && words[i].equalsIgnoreCase("been")) {
                i++;
            }
            if (i >= words.length || !isParticiple(words[i].toLowerCase(Locale.ROOT))) {
                return Optional.empty(); // "3 PRs are open": a state, said in a sentence
            }
        }
        if (i < words.length && isParticiple(words[i].toLowerCase(Locale.ROOT))) {
            verb = Optional.of(words[i].toLowerCase(Locale.ROOT));
            i++;
        }
        String tail = String.join(" ", java.util.Arrays.asList(words).subList(i, words.length)).strip();
        Optional<String> scope = Optional.empty();
        if (!tail.isEmpty() && !TIME_TAIL.matcher(tail).matches()) {
            Matcher s = SCOPE_TAIL.matcher(tail);
            if (!s.matches() || (s.group("time") != null && !TIME_TAIL.matcher(s.group("time")).matches())) {
                return Optional.empty();
            }
            scope = Optional.of(s.group("scope").replace("`", ""));
        }
        if (verb.isEmpty()) {
            verb = inheritedVerb;
        }
        if (verb.isEmpty() && m.group("subject") == null && !bareAllowed) {
            return Optional.empty(); // "14 Rust Tools for Linux Terminal Dwellers": a title, not a statement
        }
        String nounPhrase = String.join(" ", noun);
        if (!Label.isName(nounPhrase)) {
            return Optional.empty();
        }
        String label = nounPhrase + verb.map(v -> " " + v).orElse("") + scope.map(s -> " (" + s + ")").orElse("");
        return Optional.of(new Statement(label, Double.parseDouble(m.group("num")), verb));
    }

    /** Whether {@code text} starts like a number-first statement (a number, maybe after a lead-in): used to allow bare ones in a row. */
    static boolean leadsWithNumber(String clause) {
        return START.matcher(clause.strip()).matches();
    }

    private static boolean isParticiple(String lower) {
        return (lower.length() > 3 && lower.endsWith("ed")) || IRREGULAR_PARTICIPLES.contains(lower);
    }
}
