package io.github.weeklyarchive.commitments;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a commitment is about: the item it belongs to ({@code 惠居省心租代收能力建设}) and, when the item holds
 * several pieces of work, the phrase of its own ({@code 后端代收支付和通道对接}). Shown as
 * {@code 惠居省心租代收能力建设 / 后端代收支付和通道对接}.
 *
 * @param general whether the clause named nothing and the subject is its section's heading ({@code 9月3日发布} under
 *                {@code RuyiSDK 包管理器}): such a subject fits every release under that heading, so it is never matched
 */
public record Subject(String topic, String detail, boolean general) {

    public Subject(String topic, String detail) {
        this(topic, detail, false);
    }

    /** How alike two names must be to be one piece of work written two ways (see {@link #likeness}). */
    static final double ALIKE = 0.6;
    /** Punctuation, symbols and spaces, left out when names are compared: compiled once, as pairs are read for every comparison. */
    private static final Pattern NOT_LETTERS = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    public String shown() {
        return detail.isEmpty() ? topic : topic.isEmpty() ? detail : topic + " / " + detail;
    }

    /**
     * How well {@code later}, read in a later report, names the same work as this one, from 0 to about 2; 0 when it
     * does not. Both items must be alike; when both name their own phrase, those must be alike too. A report that
     * drops the item's name and writes only the phrase is matched by the phrase alone. Rewording between weeks is
     * common ({@code 后端代收支付和通道对接} → {@code 后端代收}), so names are compared by their character pairs.
     */
    double likeness(Subject later) {
        if (general || later.general) {
            return 0;
        }
        double topics = likeness(topic, later.topic);
        if (topics >= ALIKE) {
            if (!detail.isEmpty() && !later.detail.isEmpty()) {
                double details = likeness(detail, later.detail);
                return details >= ALIKE ? topics + details : 0;
            }
            return topics + 0.5; // one side names no phrase: weaker than two that agree
        }
        if (!detail.isEmpty() && later.detail.isEmpty()) {
            double phrase = likeness(detail, later.topic);
            return phrase >= 0.8 ? phrase + 0.4 : 0;
        }
        return 0;
    }

    /**
     * The mean of two measures over character pairs: how much of the shorter name the longer one holds (a name
     * shortened between weeks), and how much the two share overall (so a short name is not found in everything).
     * Names of one or two characters must be equal.
     */
    static double likeness(String a, String b) {
        Set<String> x = pairs(a);
        Set<String> y = pairs(b);
        if (x.size() < 2 || y.size() < 2) {
            return !x.isEmpty() && x.equals(y) ? 1 : 0;
        }
        Set<String> smaller = x.size() <= y.size() ? x : y;
        Set<String> larger = smaller == x ? y : x;
        int shared = 0;
        for (String pair : smaller) {
            if (larger.contains(pair)) {
                shared++;
            }
        }
        double contained = shared / (double) smaller.size();
        double overall = 2.0 * shared / (x.size() + y.size());
        return (contained + overall) / 2;
    }

    /**
     * The character pairs of each name compared so far. Following an archive compares every statement's name with the
     * open commitments' names, and serve follows the whole archive again on every edit: made once, the pairs of a name
     * cost no garbage (at 1,000 weeks they were a hundred megabytes an edit). Cleared when it grows past any archive's.
     */
    private static final Map<String, Set<String>> PAIRS = new ConcurrentHashMap<>();
    private static final int MOST_PAIRS_KEPT = 20_000; // about 20 MB at most, for the life of the process

    private static Set<String> pairs(String text) {
        Set<String> known = PAIRS.get(text);
        if (known != null) {
            return known;
        }
        String letters = NOT_LETTERS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 2 <= letters.length(); i++) {
            pairs.add(letters.substring(i, i + 2));
        }
        if (PAIRS.size() >= MOST_PAIRS_KEPT) {
            PAIRS.clear();
        }
        Set<String> kept = Set.copyOf(pairs);
        PAIRS.put(text, kept);
        return kept;
    }
}
