package io.github.weeklyarchive.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Groups progress figures by the piece of work they measure. A project is the nearest heading above a
 * progress figure that names a piece of work: {@code 项目进展} or {@code 本周主要进展} name none, so the item
 * below them does. Authors move a project between headings and respell it from week to week
 * ({@code C. HIVE标准数仓建设}, then an item {@code Hive数仓建设总进度} under {@code O2系统升级}): an item or label
 * that names a project already known from a heading joins it, and two names join when one is the other with a
 * few characters more ({@code Hive数仓建设} in {@code HIVE标准数仓建设}). Nothing else is merged.
 */
final class Projects {

    /** Words that name no piece of work: a heading made only of them is a bucket, not a project. */
    private static final Pattern GENERIC = Pattern.compile(
            "^(?:本周|上周|下周|本月|上月|近期|当前|主要|重点|项目|工作|进展|进度|计划|总结|情况|事项|目标|其他|其它|及|与|和|、|的|收获|反思"
                    + "|系统运行数据|运行数据|数据|指标|核心|概述|汇总|更新|周报|月报|第\\d+[周期]|\\d+|[-/.\\s]"
                    + "|(?i:progress|projects?|updates?|summary|highlights|others?|misc|this|last|next|week|weekly|status|and|of|the|work|items?))+$");
    private static final Pattern OUTLINE = Pattern.compile("^(?:[A-Za-z0-9]{1,2}[.、．)]|[一二三四五六七八九十]+、|\\(\\d+\\))\\s*");
    private static final Pattern PROGRESS_WORDS = Pattern.compile("(?:总体|整体)?(?:总进度|进度|进展|完成情况|完成度|完成率|完成占比|占比)$");
    private static final Pattern NOT_NAME_CHARS = Pattern.compile("[\\s\\p{Punct}【】（）「」《》、，。：；]");
    private static final Pattern TRAILING_COLONS = Pattern.compile("[\\s:：]+$");
    private static final Pattern SECTION_SEPARATOR = Pattern.compile(" / ", Pattern.LITERAL);
    /** Shortest name, in characters, that may be found inside a longer one. */
    static final int MIN_CONTAINED = 4;
    /** How much of the longer name the shorter must cover to be the same project. */
    static final double MIN_COVER = 0.75;

    private Projects() {
    }

    static List<Figures.Project> of(List<MetricSeries> series, List<Figures.WeekFigures> weeks) {
        List<Metric> progress = new ArrayList<>();
        for (Figures.WeekFigures w : weeks) {
            for (Metric m : w.metrics()) {
                if (m.isProgress()) {
                    progress.add(m);
                }
            }
        }
        // Projects named by headings, in the order they were first seen.
        // Weeks repeat their sections and labels: each distinct one is worked out once (a serve session does this on
        // every edit, over every week's figures).
        record Place(String section, String project) {
        }
        record Named(String label, Place place) {
        }
        Map<Place, Optional<String>> headings = new HashMap<>();
        Known known = new Known();
        for (Metric m : progress) {
            headings.computeIfAbsent(new Place(m.section(), m.project()), place -> nearestHeading(m))
                    .filter(h -> known.find(h).isEmpty()).ifPresent(known::add);
        }
        Map<Named, Optional<String>> projectOf = new HashMap<>(); // known no longer changes
        Map<String, String> projectOfLocation = new HashMap<>();
        Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
        for (Metric m : progress) {
            Optional<String> name = projectOf.computeIfAbsent(new Named(m.label(), new Place(m.section(), m.project())), named -> project(m, known));
            if (name.isEmpty()) {
                continue;
            }
            String key = known.find(name.get()).orElse(name.get());
            projectOfLocation.put(m.location(), key);
            spellings.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(name.get(), 1, Integer::sum);
        }
        Map<String, List<MetricSeries>> byProject = new TreeMap<>();
        for (MetricSeries s : series) {
            if (!"%".equals(s.unit()) || s.latest().isEmpty()) {
                continue;
            }
            String key = projectOfLocation.get(s.latest().get().location());
            if (key != null) {
                byProject.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        List<Figures.Project> projects = new ArrayList<>();
        byProject.forEach((key, list) -> {
            String name = mostUsed(spellings.get(key));
            projects.add(new Figures.Project(Figures.idFor("project:" + key, key), name, list));
        });
        projects.sort(java.util.Comparator.comparing(Figures.Project::name));
        return projects;
    }

    /**
     * The project of one progress figure: a project known from a heading that its own label or an item above it
     * names; else its nearest heading that names work; else the nearest item that does.
     */
    private static Optional<String> project(Metric m, Known known) {
        List<String> items = items(m);
        List<String> candidates = new ArrayList<>();
        candidates.add(m.label());
        for (int i = items.size() - 1; i >= 0; i--) {
            candidates.add(items.get(i));
        }
        for (String candidate : candidates) {
            String name = clean(candidate);
            Optional<String> match = known.find(name);
            if (match.isPresent()) {
                return match;
            }
        }
        Optional<String> heading = nearestHeading(m);
        if (heading.isPresent()) {
            return heading;
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            String name = clean(items.get(i));
            if (isWork(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The nearest heading above {@code m} that names work, without its outline letter. */
    static Optional<String> nearestHeading(Metric m) {
        List<String> path = path(m);
        int heading = headingIndex(m, path);
        for (int i = heading; i >= 0; i--) {
            String name = clean(path.get(i));
            if (isWork(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The items and sub-sections between {@code m}'s nearest heading and its line. */
    private static List<String> items(Metric m) {
        List<String> path = path(m);
        return path.subList(headingIndex(m, path) + 1, path.size());
    }

    private static List<String> path(Metric m) {
        return m.section().isEmpty() ? List.of() : List.of(SECTION_SEPARATOR.split(m.section()));
    }

    /** Where the nearest heading ({@link Metric#project()}) is in the section path; -1 when there is none. */
    private static int headingIndex(Metric m, List<String> path) {
        if (m.project().isEmpty()) {
            return -1;
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).equals(m.project()) || OUTLINE.matcher(path.get(i)).replaceFirst("").strip().equals(m.project())) {
                return i;
            }
        }
        return -1;
    }

    static boolean isWork(String name) {
        return !name.isEmpty() && !GENERIC.matcher(name).matches() && name.codePointCount(0, name.length()) >= 2;
    }

    /** {@code C. Hive数仓建设总进度} → {@code Hive数仓建设}. */
    static String clean(String text) {
        String name = OUTLINE.matcher(text.strip()).replaceFirst("").replace("【", "").replace("】", "").strip();
        String stripped = TRAILING_COLONS.matcher(PROGRESS_WORDS.matcher(name).replaceFirst("")).replaceAll("").strip();
        return stripped.isEmpty() ? name : stripped;
    }

    /** Whether two names are one project: equal but for case and punctuation, or one inside the other, nearly all of it. */
    static boolean sameName(String a, String b) {
        return sameKey(key(a), key(b));
    }

    /** {@link #sameName} of two names given by their {@link #key}s. */
    private static boolean sameKey(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        return shorter.codePointCount(0, shorter.length()) >= MIN_CONTAINED && (double) shorter.length() / longer.length() >= MIN_COVER
                && isSubsequence(shorter, longer);
    }

    private static String key(String name) {
        return NOT_NAME_CHARS.matcher(clean(name).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * The projects known from headings, in the order first seen, and the first of them that a name is the same
     * project as ({@link #sameName}). A 20 MB report or ten years of weeks hold thousands of progress figures and
     * headings: each name's key is worked out once, an equal key is found by hashing, and only the known names
     * that could contain the name or be contained in it (by the characters they use) are compared.
     */
    static final class Known {
        private final List<String> names = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<Long> characters = new ArrayList<>();
        private final Map<String, Integer> firstWithKey = new HashMap<>();
        private final Map<String, String> keyOf = new HashMap<>();

        void add(String name) {
            String key = keyOf(name);
            firstWithKey.putIfAbsent(key, names.size());
            names.add(name);
            keys.add(key);
            characters.add(characters(key));
        }

        /** The first known project {@code name} is: {@code names.stream().filter(k -> sameName(k, name)).findFirst()}. */
        Optional<String> find(String name) {
            String key = keyOf(name);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            int first = firstWithKey.getOrDefault(key, names.size());
            long used = characters(key);
            for (int i = 0; i < first; i++) { // before the first equal key, only containment can match
                String other = keys.get(i);
                boolean shorter = key.length() <= other.length();
                long inShorter = shorter ? used : characters.get(i);
                long inLonger = shorter ? characters.get(i) : used;
                if ((inShorter & ~inLonger) == 0 && sameKey(key, other)) {
                    first = i;
                    break;
                }
            }
            return first < names.size() ? Optional.of(names.get(first)) : Optional.empty();
        }

        private String keyOf(String name) {
            return keyOf.computeIfAbsent(name, Projects::key);
        }

        /** The characters of {@code key} as bits (64 buckets): a name inside another uses none the other lacks. */
        private static long characters(String key) {
            long bits = 0;
            for (int i = 0; i < key.length(); i++) {
                bits |= 1L << (key.charAt(i) & 63);
            }
            return bits;
        }
    }

    private static boolean isSubsequence(String shorter, String longer) {
        int i = 0;
        for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
            if (shorter.charAt(i) == longer.charAt(j)) {
                i++;
            }
        }
        return i == shorter.length();
    }

    /** The spelling used most often; of equals, the one that appeared last. */
    private static String mostUsed(Map<String, Integer> counts) {
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
