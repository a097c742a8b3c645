package io.github.weeklyarchive.commitments;

import static io.github.weeklyarchive.settings.YamlSettings.keys;
import static io.github.weeklyarchive.settings.YamlSettings.lineOf;

import io.github.weeklyarchive.report.NormalForm;
import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.settings.YamlSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code commitments:} part of {@code metrics.yaml}: the verbs that make a dated sentence a promise
 * ({@code 上线}, {@code 评审}…), the words that say one is done ({@code 已上线}) or has slipped ({@code 延期}), and
 * {@code enabled: false} to leave the feature out. What the file lists is added to the built-in words.
 *
 * @param verbs   actions a commitment can be about; the first one found after a date is its action
 * @param done    words that say an action is done, beside the built-in forms {@code 已VERB} and {@code VERB完成}
 * @param slipped words that say a date moved ({@code 延期至3/7}) or will not be kept ({@code 推迟})
 */
public record CommitmentsConfig(boolean enabled, List<String> verbs, List<String> done, List<String> slipped) {

    static final List<String> VERBS = List.of("上线", "完成", "评审", "发布", "提测", "交付", "投产", "切量", "切换", "合入", "合并",
            "提交", "启动", "作业", "验收", "上架", "开通", "部署", "落地", "下线", "接入", "交接", "签约", "联调", "迁移", "审批", "release",
            "launch", "ship", "merge");
    static final List<String> DONE = List.of("已上线", "已完成", "上线完成", "已投产", "已发布", "已合入", "已合并", "已交付", "已落地",
            "评审通过", "已通过", "顺利上线", "如期上线", "按期完成", "如期完成");
    static final List<String> SLIPPED = List.of("延期", "推迟", "延后", "顺延", "推后", "延至", "调整到", "调整至", "改到", "改至", "改为", "delayed", "postponed");

    public CommitmentsConfig {
        verbs = List.copyOf(verbs);
        done = List.copyOf(done);
        slipped = List.copyOf(slipped);
    }

    /** The characters a verb or a done word begins with, and {@code 已}: the only places a "done" can start. */
    String firstLetters() {
        StringBuilder letters = new StringBuilder("已");
        for (List<String> words : List.of(verbs, done)) {
            for (String word : words) {
                if (!word.isEmpty() && letters.indexOf(word.substring(0, 1)) < 0) {
                    letters.append(word.charAt(0));
                }
            }
        }
        return letters.toString();
    }

    public static CommitmentsConfig defaults() {
        return new CommitmentsConfig(true, VERBS, DONE, SLIPPED);
    }

    /** The configuration and what is wrong with it. */
    public record Loaded(CommitmentsConfig config, List<Problem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads the {@code commitments:} key of {@code metrics.yaml} text; anything else in the file is the metric
     * configuration's. A mistake is reported at its line and that part is left at its default.
     */
    public static Loaded parse(String path, String yaml) {
        return of(YamlSettings.parse(path, yaml)); // a syntax error is the metric configuration's to report, once
    }

    /** The {@code commitments:} part of a settings file read once for all stages. */
    public static Loaded of(YamlSettings settings) {
        String path = settings.path();
        Node section = settings.section("commitments").orElse(null);
        if (section == null) {
            return new Loaded(defaults(), List.of());
        }
        List<Problem> problems = new ArrayList<>();
        if (!(section instanceof MappingNode map)) {
            problems.add(Problem.error(path, lineOf(section), "commitments: takes keys such as 'enabled: false' or 'verbs: [割接]', not a single value"));
            return new Loaded(defaults(), problems);
        }
        boolean enabled = true;
        if (keys(map).get("enabled") instanceof ScalarNode on) {
            switch (on.getValue().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> enabled = true;
                case "false", "no", "off" -> enabled = false;
                default -> problems.add(Problem.error(path, lineOf(on), "enabled: is true or false, not '" + on.getValue() + "'"));
            }
        }
        CommitmentsConfig config = new CommitmentsConfig(enabled, words(path, map, "verbs", VERBS, problems),
                words(path, map, "done", DONE, problems), words(path, map, "slipped", SLIPPED, problems));
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new Loaded(config, problems);
    }

    private static List<String> words(String path, MappingNode map, String key, List<String> builtIn, List<Problem> problems) {
        Node node = keys(map).get(key);
        if (node == null) {
            return builtIn;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(Problem.error(path, lineOf(node), key + ": is a list of words, such as [" + builtIn.get(0) + ", " + builtIn.get(1) + "]"));
            return builtIn;
        }
        Set<String> words = new LinkedHashSet<>(builtIn);
        for (Node entry : list.getValue()) {
            String word = entry instanceof ScalarNode scalar ? NormalForm.compatible(scalar.getValue().strip()) : "";
            if (word.isEmpty()) {
                problems.add(Problem.error(path, lineOf(entry), "each entry of " + key + ": is a word, such as " + builtIn.get(0)));
            } else {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

}
