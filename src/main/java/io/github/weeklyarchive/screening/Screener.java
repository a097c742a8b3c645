package io.github.weeklyarchive.screening;

import io.github.weeklyarchive.report.PrivateBlocks;
import io.github.weeklyarchive.report.Problem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds in a report what a payments team must never publish: personal data (mobile numbers, resident ID
 * numbers, bank card numbers, e-mail addresses), the inside of its network (private IPv4 addresses, internal
 * host names) and credentials (API keys and tokens of well-known shapes, private keys, {@code password=}).
 *
 * <p>Numbers are judged by what makes them what they are, not by their length alone: an ID number's check
 * digit and birth date, a card's Luhn digit and issuer, a mobile number's prefix. So order counts, amounts,
 * dates, versions and percentages are left alone. Every pattern runs in time linear in the text.
 *
 * <p>Private blocks are blanked out before anything is looked at: they never reach the site, so what is in
 * them is not a finding, and no message, which may end up in a public CI log, ever quotes them.
 */
public final class Screener {

    /** Runs of ASCII digits; the text around each run is judged in code, which keeps the regex linear. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]++");
    /** {@code 138 1234 5678}, {@code +86 138-1234-5678}. */
    private static final Pattern GROUPED_MOBILE = Pattern.compile("(?<![\\w.+-])(?:\\+86[ -]?)?1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}(?![\\w-]|\\.[0-9])");
    /** {@code 6222 0212 3456 7890 123}, {@code 4111-1111-1111-1111}. */
    private static final Pattern GROUPED_CARD = Pattern.compile("(?<![\\w.-])[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?(?![\\w-]|\\.[0-9])");
    /** An address, not a network ({@code 10.0.0.0/16} is how documentation names a range). */
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})(?![\\w]|\\.[0-9]|/[0-9])");
    /** Credentials whose shape gives them away; each is documented by its issuer. */
    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9_-])(?:"
            + "(?:AKIA|ASIA)[0-9A-Z]{16}"                          // AWS access key id
            + "|gh[pousr]_[A-Za-z0-9]{36,255}+"                    // GitHub tokens
            + "|github_pat_[A-Za-z0-9_]{22,255}+"                  // GitHub fine-grained token
            + "|glpat-[A-Za-z0-9_-]{20,255}+"                      // GitLab personal token
            + "|xox[abprs]-[A-Za-z0-9-]{10,255}+"                  // Slack tokens
            + "|AIza[0-9A-Za-z_-]{35}"                             // Google API key
            + "|[sr]k_live_[0-9A-Za-z]{24,255}+"                   // Stripe secret and restricted keys
            + "|sk-proj-[A-Za-z0-9_-]{40,255}+|sk-[A-Za-z0-9]{48}" // OpenAI keys
            + "|npm_[A-Za-z0-9]{36}"                               // npm token
            + "|LTAI[A-Za-z0-9]{12,20}+"                           // Alibaba Cloud AccessKey id
            + "|AKID[A-Za-z0-9]{32}"                               // Tencent Cloud SecretId
            + "|eyJ[A-Za-z0-9_-]{10,2000}+\\.eyJ[A-Za-z0-9_-]{10,4000}+\\.[A-Za-z0-9_-]{10,2000}+" // JSON Web Token
            + ")(?![A-Za-z0-9_-])");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern PASSWORD = Pattern.compile(
            "(?<![A-Za-z0-9_])(?i:password|passwd|passphrase)[ \\t]{0,3}=[ \\t]{0,3}[^\\s&;,\"'<>()\\[\\]{}]{4,200}+"
                    + "|(?:密码|口令)[ \\t]{0,3}[=:：][ \\t]{0,3}[\\x21-\\x7E&&[^\\[\\]()<>\"'`]]{4,200}+");
    /** A value that stands for a password without being one: {@code ***}, {@code xxx}, {@code $PASSWORD}, {@code <secret>}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)[*x.]+|[$%{<].*|\\.\\.\\.");
    private static final Pattern ALLOW_ON_LINE = Pattern.compile("<!--\\s*check:\\s*allow\\s+([^>]*?)\\s*-->");

    /** The characters of an e-mail's local part and domain, as people write them. */
    private static final String LOCAL_PART = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-";
    private static final String DOMAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";
    /** {@code logo@2x.png} is an image, not an address. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "js", "css",
            "md", "html", "htm", "json", "txt", "pdf", "zip", "gz", "tgz", "toml", "yaml", "yml", "lock");
    /** Issuer identification: a card number begins with 3 (Amex, JCB, Diners), 4 (Visa), 5 (Mastercard) or 6 (UnionPay, Discover). */
    private static final String CARD_ISSUERS = "3456";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private Screener() {
    }

    /**
     * The findings in a report's text that the rules do not accept, as errors at {@code path:line:column}.
     * A report whose private blocks are not closed is not screened: the parser reports that error, and until
     * it is fixed nobody can tell which part is private.
     */
    public static List<Problem> screen(String path, String text, ScreeningRules rules) {
        PrivateBlocks.Result published = PrivateBlocks.blank(path, text);
        if (published.problem().isPresent()) {
            return List.of();
        }
        String visible = published.text();
        String[] lines = visible.split("\n", -1);
        List<Problem> problems = new ArrayList<>();
        Set<Integer> badDirectives = new java.util.HashSet<>();
        for (Finding finding : find(visible, rules)) {
            if (rules.allows(finding)) {
                continue;
            }
            LineAllowance onLine = allowedOn(lines[finding.line() - 1]);
            if (onLine.unknown().isPresent() && badDirectives.add(finding.line())) {
                problems.add(Problem.error(path, finding.line(), onLine.column(), "check: allow " + onLine.unknown().get()
                        + " names no kind of finding; write pii (everything on the line) or one of " + Kind.names()));
            }
            if (onLine.kinds().contains(finding.kind())) {
                continue;
            }
            problems.add(Problem.error(path, finding.line(), finding.column(), finding.kind().description() + " (" + finding.shown()
                    + ") must not be published; remove it, move it into a <!-- private --> block, or accept it with "
                    + "<!-- check: allow " + finding.kind().configName() + " --> on the line or check.allow="
                    + finding.kind().configName() + ACCEPT_IN_SETTINGS).ofKind(finding.kind().configName()));
        }
        return problems;
    }

    private static final String ACCEPT_IN_SETTINGS = " in jbake.properties";

    /** From how many findings of one kind a build ends with {@link #advice}: fewer are best read one by one. */
    static final int MANY = 20;

    /**
     * One line per kind found {@value #MANY} times or more among {@code problems}: an English newsletter prints its
     * contact address in every issue, and 800 lines of the same error should end by saying how to accept them all.
     */
    public static List<String> advice(List<Problem> problems) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Problem problem : problems) {
            if (problem.isError() && !problem.kind().isEmpty()) {
                counts.merge(problem.kind(), 1L, Long::sum);
            }
        }
        List<String> advice = new ArrayList<>();
        counts.forEach((kind, count) -> {
            if (count >= MANY) {
                advice.add("note: " + count + " findings of the kind " + kind + "; if the archive publishes them on purpose, "
                        + "the line check.allow=" + kind + ACCEPT_IN_SETTINGS + " accepts them all (see \"What must not be published\" in the README)");
            }
        });
        return advice;
    }

    /** Everything in {@code text} that must not be published, in the order it appears, whatever the rules accept. */
    public static List<Finding> find(String text, ScreeningRules rules) {
        Positions positions = new Positions(text);
        List<Span> spans = new ArrayList<>();
        // The more specific first: where two overlap, the first found is the one reported.
        secrets(text, spans);
        addAll(spans, PRIVATE_KEY, text, Kind.PRIVATE_KEY);
        passwords(text, spans);
        emails(text, spans);
        digitRuns(text, spans);
        grouped(text, spans);
        privateAddresses(text, spans);
        internalHosts(text, rules, spans);
        // Kept spans never overlap, so the neighbours on either side are the only ones a new span could touch.
        java.util.TreeMap<Integer, Span> kept = new java.util.TreeMap<>();
        for (Span span : spans) {
            var before = kept.floorEntry(span.start());
            var after = kept.ceilingEntry(span.start());
            if ((before == null || before.getValue().end() <= span.start()) && (after == null || after.getKey() >= span.end())) {
                kept.put(span.start(), span);
            }
        }
        return kept.values().stream().map(s -> positions.finding(s, text)).toList();
    }

    private record Span(Kind kind, int start, int end) {
    }

    private static void addAll(List<Span> spans, Pattern pattern, String text, Kind kind) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            spans.add(new Span(kind, m.start(), m.end()));
        }
    }

    /** Keys and tokens, looked for only in runs of 20 or more key characters: a loop finds those faster than a pattern. */
    private static void secrets(String text, List<Span> spans) {
        Matcher secret = SECRET.matcher(text);
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isTokenCharacter(text.charAt(i))) {
                i++;
            }
            if (i - start >= 20) {
                secret.region(start, i);
                while (secret.find()) {
                    spans.add(new Span(Kind.SECRET, secret.start(), secret.end()));
                }
            }
            i = Math.max(i, start + 1);
        }
    }

    private static boolean isTokenCharacter(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    /**
     * Whether {@code text} holds a word that can begin a password ({@code passw}, {@code passphrase} in any case,
     * {@code 密码}, {@code 口令}); without one the full pattern is not tried. Looked for with {@code indexOf}, not a
     * pattern tried at every character, and without a lower-cased copy of the text: a report may be 20 MB.
     */
    static boolean mayNameAPassword(String text) {
        if (text.contains("密码") || text.contains("口令")) {
            return true;
        }
        for (char p : new char[] {'p', 'P'}) {
            for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
                if (text.regionMatches(true, at, "passw", 0, 5) || text.regionMatches(true, at, "passphrase", 0, 10)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void passwords(String text, List<Span> spans) {
        if (!mayNameAPassword(text)) {
            return; // most reports: no need to try the pattern at every character
        }
        Matcher m = PASSWORD.matcher(text);
        while (m.find()) {
            String value = m.group().replaceFirst("^[^=:：]*[=:：][ \\t]*", "");
            if (!PLACEHOLDER.matcher(value).matches()) {
                spans.add(new Span(Kind.PASSWORD, m.start(), m.end()));
            }
        }
    }

    /**
     * Addresses around each {@code @}. Left alone: fediverse handles ({@code @user@mastodon.social}), git's
     * {@code git@github.com:org/repo}, message ids in a link's path, file names ({@code logo@2x.png}) and the domains reserved for examples.
     */
    private static void emails(String text, List<Span> spans) {
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && at - start < 64 && LOCAL_PART.indexOf(text.charAt(start - 1)) >= 0) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && end - at < 255 && DOMAIN.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            while (end > at + 1 && ".-".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String local = text.substring(start, at);
            String domain = text.substring(at + 1, end).toLowerCase(Locale.ROOT);
            boolean handle = start > 0 && text.charAt(start - 1) == '@';
            boolean scpPath = end + 1 < text.length() && text.charAt(end) == ':' && !Character.isWhitespace(text.charAt(end + 1));
            // A message id in a mailing list archive's address (lore.kernel.org/.../cover.123.git.name@gmail.com/).
            if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || handle || scpPath || !isMailDomain(domain)
                    || inAddress(text, start)) {
                continue;
            }
            spans.add(new Span(Kind.EMAIL, start, end));
        }
    }

    private static boolean isMailDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        String top = labels[labels.length - 1];
        if (labels.length < 2 || List.of(labels).contains("") || !top.chars().allMatch(Character::isLetter) || top.length() < 2
                || FILE_EXTENSIONS.contains(top)) {
            return false;
        }
        // RFC 2606 and 6761: example.com/.net/.org and .example, .test, .invalid, .localhost are for documentation.
        return !(DOCUMENTATION_DOMAIN.matcher(domain).matches() || DOCUMENTATION_TOP_LEVEL.contains(top));
    }

    private static final Pattern DOCUMENTATION_DOMAIN = Pattern.compile("(.*\\.)?example\\.(com|net|org)");
    private static final Set<String> DOCUMENTATION_TOP_LEVEL = Set.of("example", "test", "invalid", "localhost");

    /** Mobile, ID and card numbers written as one run of digits. */
    private static void digitRuns(String text, List<Span> spans) {
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            char before = start > 0 ? text.charAt(start - 1) : ' ';
            char after = end < text.length() ? text.charAt(end) : ' ';
            char afterNext = end + 1 < text.length() ? text.charAt(end + 1) : ' ';
            // A decimal, a version, a word with digits (v2, abc123), a slug (tickets-17213665537), a handle
            // (@13068240601): not a number standing on its own.
            if (isWordCharacter(before) || before == '.' || before == '@' || before == '-' && start > 1 && isWordCharacter(text.charAt(start - 2))
                    || (after == '.' && isDigit(afterNext))) {
                continue;
            }
            String digits = m.group();
            boolean endsInX = (after == 'X' || after == 'x') && !isWordCharacter(afterNext) && digits.length() == 17;
            if (isWordCharacter(after) && !endsInX) {
                continue;
            }
            Span found = null;
            if (endsInX && isIdNumber(digits + 'X')) {
                found = new Span(Kind.ID_NUMBER, start, end + 1);
            } else if (digits.length() == 18 && isIdNumber(digits)) {
                found = new Span(Kind.ID_NUMBER, start, end);
            } else if (isMobile(digits)) {
                found = new Span(Kind.MOBILE, start, end);
            } else if (before == '+' && digits.startsWith("86") && isMobile(digits.substring(2))) {
                found = new Span(Kind.MOBILE, start - 1, end);
            } else if (before != '#' && isCardNumber(digits)) {
                found = new Span(Kind.BANK_CARD, start, end);
            }
            // An id in a link's address (zhihu.com/p/19666592841, ?node=17051031011) names a page, not a person or a card.
            if (found != null && !inAddress(text, start)) {
                spans.add(found);
            }
        }
    }

    /**
     * Mobile and card numbers written in groups, as people write them to be read. The patterns are tried only
     * where such a number can begin (a run of 2 to 4 digits followed by a space or hyphen and a digit), not at
     * every character.
     */
    private static void grouped(String text, List<Span> spans) {
        Matcher run = DIGITS.matcher(text);
        Matcher mobile = GROUPED_MOBILE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher card = GROUPED_CARD.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        while (run.find()) {
            int length = run.end() - run.start();
            boolean groupFollows = run.end() + 1 < text.length() && " -".indexOf(text.charAt(run.end())) >= 0 && isDigit(text.charAt(run.end() + 1));
            if (length < 2 || length > 4 || !groupFollows) {
                continue;
            }
            int start = length == 2 && run.start() > 0 && text.charAt(run.start() - 1) == '+' ? run.start() - 1 : run.start();
            if (mobile.region(start, text.length()).lookingAt()) {
                spans.add(new Span(Kind.MOBILE, start, mobile.end()));
            } else if (card.region(start, text.length()).lookingAt() && isCardNumber(card.group().replaceAll("[ -]", ""))) {
                spans.add(new Span(Kind.BANK_CARD, start, card.end()));
            }
        }
    }

    /** 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16: the ranges RFC 1918 sets aside for private networks. */
    private static void privateAddresses(String text, List<Span> spans) {
        Matcher run = DIGITS.matcher(text);
        Matcher m = IPV4.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        while (run.find()) {
            // Only where an address can begin: 10, 172 or 192 and a dot.
            if (run.end() - run.start() < 2 || run.end() - run.start() > 3 || run.end() >= text.length() || text.charAt(run.end()) != '.'
                    || !m.region(run.start(), text.length()).lookingAt()) {
                continue;
            }
            int[] octets = new int[4];
            boolean valid = true;
            for (int i = 0; i < 4; i++) {
                octets[i] = Integer.parseInt(m.group(i + 1));
                valid &= octets[i] <= 255;
            }
            if (valid && (octets[0] == 10 || octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31 || octets[0] == 192 && octets[1] == 168)) {
                spans.add(new Span(Kind.PRIVATE_IP, m.start(), m.end()));
            }
        }
    }

    private static void internalHosts(String text, ScreeningRules rules, List<Span> spans) {
        if (rules.internalHosts().isEmpty()) {
            return;
        }
        // Dotted names are runs of name characters holding a dot: a loop finds them faster than a pattern tried at every character.
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean dotted = false;
            while (i < text.length() && isHostCharacter(text.charAt(i))) {
                dotted |= text.charAt(i) == '.';
                i++;
            }
            char before = start > 0 ? text.charAt(start - 1) : ' ';
            if (dotted && before != '@' && before != '_' && Character.isLetterOrDigit(text.charAt(start))) {
                int end = i;
                while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                    end--; // a name ends before the dots and dashes after it ("see a.example.com."); a loop, not a pattern per name
                }
                String host = text.substring(start, end);
                if (host.contains(".") && !host.contains("..") && rules.isInternal(host)) {
                    spans.add(new Span(Kind.INTERNAL_HOST, start, start + host.length()));
                }
            }
            i = Math.max(i, start + 1);
        }
    }

    /** Whether the offset is inside a web address ({@code https://...}) written in the text. */
    private static boolean inAddress(String text, int offset) {
        int from = offset;
        while (from > 0 && offset - from < 2000 && !Character.isWhitespace(text.charAt(from - 1)) && "(<[\"'（".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return text.substring(from, offset).contains("://");
    }

    static boolean isMobile(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3';
    }

    /** 18 characters: a region code, a birth date, a sequence number and the ISO 7064 MOD 11-2 check character. */
    static boolean isIdNumber(String id) {
        if (id.length() != 18 || id.charAt(0) < '1' || id.charAt(0) > '8') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (Character.toUpperCase(id.charAt(17)) != ID_CHECK.charAt(sum % 11)) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return born.getYear() >= 1900;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** 13 to 19 digits from a card issuer, whose last digit is the Luhn check digit of the others. */
    static boolean isCardNumber(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || CARD_ISSUERS.indexOf(digits.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static boolean isHostCharacter(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordCharacter(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** What {@code <!-- check: allow ... -->} on a line accepts there. */
    private record LineAllowance(Set<Kind> kinds, Optional<String> unknown, int column) {
    }

    private static LineAllowance allowedOn(String line) {
        Matcher m = ALLOW_ON_LINE.matcher(line);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        Optional<String> unknown = Optional.empty();
        int column = 0;
        while (m.find()) {
            for (String name : m.group(1).split("[\\s,]+")) {
                if (name.equalsIgnoreCase("pii")) {
                    kinds.addAll(EnumSet.allOf(Kind.class));
                } else if (Kind.named(name).isPresent()) {
                    kinds.add(Kind.named(name).get());
                } else if (unknown.isEmpty()) {
                    unknown = Optional.of(name);
                    column = line.codePointCount(0, m.start()) + 1;
                }
            }
        }
        return new LineAllowance(kinds, unknown, column);
    }

    /** Line and column of an offset: lines from 1, columns from 1 in code points, as editors count them. */
    private static final class Positions {
        private final int[] lineStarts;

        Positions(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                starts.add(i + 1);
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        Finding finding(Span span, String text) {
            int index = java.util.Arrays.binarySearch(lineStarts, span.start());
            int line = index >= 0 ? index : -index - 2;
            int column = text.codePointCount(lineStarts[line], span.start()) + 1;
            return new Finding(span.kind(), line + 1, column, text.substring(span.start(), span.end()));
        }
    }
}
