package io.github.weeklyarchive.screening;

import io.github.weeklyarchive.report.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a site accepts and what it calls internal, from two lines of its {@code jbake.properties}:
 * <pre>
 * check.allow=email:*@pingcap.com private-ip:10.0.0.*   # a kind, or a kind and a pattern of the text found
 * check.internal-hosts=*.corp.example.com *.internal    # host names that must not be published
 * </pre>
 * A pattern is matched against the whole text found, ignoring case; {@code *} stands for any characters.
 *
 * @param allowed       findings accepted by kind, and by pattern when one is given
 * @param internalHosts patterns of host names that are internal
 */
public record ScreeningRules(List<Allowance> allowed, List<HostPattern> internalHosts) {

    /** The host names every network keeps to itself: reserved for private use, or by long habit. */
    public static final String DEFAULT_INTERNAL_HOSTS = "*.internal *.intranet *.corp *.lan *.localdomain *.home.arpa";

    /** Findings of one kind that a site accepts: all of them, or those whose text matches the pattern. */
    public record Allowance(Kind kind, Optional<Pattern> pattern) {
        boolean allows(Finding finding) {
            return finding.kind() == kind && pattern.map(p -> p.matcher(finding.text()).matches()).orElse(true);
        }
    }

    /** The rules together with the mistakes in the lines they were read from. */
    public record Loaded(ScreeningRules rules, List<Problem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    public ScreeningRules {
        allowed = List.copyOf(allowed);
        internalHosts = List.copyOf(internalHosts);
    }

    /** Nothing accepted; the usual internal host names. */
    public static ScreeningRules defaults() {
        return parse("", "", DEFAULT_INTERNAL_HOSTS, 0).rules();
    }

    /**
     * Reads the values of {@code check.allow} and {@code check.internal-hosts} (empty when absent; the hosts
     * default to {@link #DEFAULT_INTERNAL_HOSTS}). An unknown kind is an error at {@code path:line}.
     */
    public static Loaded parse(String path, String allow, String internalHosts, int allowLine) {
        List<Allowance> allowed = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String entry : words(allow)) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry : entry.substring(0, colon);
            Optional<Pattern> pattern = colon < 0 ? Optional.empty() : Optional.of(glob(entry.substring(colon + 1)));
            if (name.equalsIgnoreCase("pii") && pattern.isEmpty()) {
                for (Kind kind : Kind.values()) {
                    allowed.add(new Allowance(kind, Optional.empty()));
                }
                continue;
            }
            Optional<Kind> kind = Kind.named(name);
            if (kind.isEmpty()) {
                problems.add(Problem.error(path, allowLine, "check.allow: '" + entry + "' names no kind of finding; write one of "
                        + Kind.names() + " (or pii for all), optionally with a pattern: email:*@example.org"));
                continue;
            }
            allowed.add(new Allowance(kind.get(), pattern));
        }
        List<HostPattern> hosts = words(internalHosts).stream().map(HostPattern::of).toList();
        return new Loaded(new ScreeningRules(allowed, hosts), problems);
    }

    /** Whether the site accepts this finding. */
    public boolean allows(Finding finding) {
        return allowed.stream().anyMatch(a -> a.allows(finding));
    }

    /** Whether {@code host} (a dotted name found in a report) is one of the site's internal ones. */
    public boolean isInternal(String host) {
        return internalHosts.stream().anyMatch(p -> p.matches(host));
    }

    /** A pattern of internal host names, as written ({@code *.internal}) and compiled. */
    public record HostPattern(String glob, Pattern pattern) {
        static HostPattern of(String glob) {
            return new HostPattern(glob, ScreeningRules.glob(glob));
        }

        boolean matches(String host) {
            // Most patterns are *.suffix, and every dotted name in a report is checked: those need no regular expression.
            // And no copy of either name: the suffix is compared in place, letter case aside.
            int suffix = glob.length() - 1;
            boolean suffixOnly = glob.startsWith("*") && glob.indexOf('*', 1) < 0;
            return suffixOnly ? host.length() >= suffix && host.regionMatches(true, host.length() - suffix, glob, 1, suffix)
                    : pattern.matcher(host).matches();
        }
    }

    private static List<String> words(String value) {
        return List.of(value.strip().split("[\\s,]+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    /** {@code *@pingcap.com} as a pattern: {@code *} any characters, everything else as written, any case. */
    private static Pattern glob(String glob) {
        String regex = java.util.Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return allowed + " " + internalHosts.stream().map(HostPattern::glob).toList();
    }
}
