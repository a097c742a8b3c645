package io.github.weeklyarchive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Assertions;

/**
 * Real reports damaged the ways real files and fuzzers damage them, for the property tests of everything
 * that reads a report: deep nesting, huge lines, control characters and NUL, lone surrogates, mixed
 * scripts, raw HTML (script injections included), CRLF and byte order marks. The seeds are the real
 * sample and a migrated week with front matter, tables, raw HTML and comments (src/test/resources/fuzz).
 */
public final class ReportMutations {

    public static final List<String> SEEDS = List.of("sample/2023-02-24-week09.md", "fuzz/2023-03-03-migrated.md");
    private static final Map<String, String> SEED_TEXT = SEEDS.stream()
            .collect(Collectors.toMap(seed -> seed, ReportMutations::resource));

    /** Script injection and mutation-XSS tricks, as raw HTML and as Markdown: none of them may ever run. */
    public static final List<String> INJECTIONS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</script>",
            "<<script>script>alert(1)<</script>/script>",
            "<img src=x onerror=alert(1)>",
            "\"><img src=x onerror=\"window.__injected=1\">",
            "<IMG SRC=JaVaScRiPt:alert(1)>",
            "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<math href=\"javascript:alert(1)\">x</math>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<noscript><style></noscript><img src=x onerror=alert(1)>",
            "<select><template><style><img src=x onerror=alert(1)>",
            "<xmp><img src=x onerror=alert(1)></xmp>",
            "<textarea></textarea><img src=x onerror=alert(1)>",
            "<title><img src=x onerror=alert(1)></title>",
            "<!--<img src=x onerror=alert(1)>-->",
            "<!--><img src=x onerror=alert(1)>-->",
            "<![CDATA[<img src=x onerror=alert(1)>]]>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"&#x6A;&#x61;vascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<table><td><a href=javascript:alert(1)>x",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
            "<input autofocus onfocus=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<body onload=alert(1)>",
            "<style>@import 'javascript:alert(1)';</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<link rel=import href=\"https://evil.example/x.html\">",
            "<a href=\"https://example.org\" onclick=\"alert(1)\" onmouseover=alert(1)>x</a>",
            "<p/onclick=alert(1)>x</p>",
            "<img \"\"\"><script>alert(1)</script>\">",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](javascript&colon;alert(1))",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x][bad]\n\n[bad]: javascript:alert(1)");

    /** Raw HTML that migrated reports really carry, closed and left open. */
    private static final List<String> FRAGMENTS = List.of("<br />", "<br>", "<sup>3</sup>", "<sub>2</sub>", "<!-- 不要发布 -->", "<!--",
            "-->", "<details><summary>更多</summary>", "</details>", "<table><tr><td>", "</td></tr></table>", "<div align=\"center\">",
            "</div>", "<b>", "</b>", "<a href=\"https://example.org\">", "</a>", "<pre>", "</pre>", "<p>", "<li>", "<kbd>Ctrl</kbd>",
            "<iframe src=\"https://player.example.org/v/1\"></iframe>", "<img src=\"images/a.png\" alt=\"图\">", "&nbsp;", "&#0;",
            "&#xD800;", "&amp;", "&colon;");
    private static final List<String> SCRIPTS = List.of("مرحبا بالعالم", "שלום", "नमस्ते", "สวัสดี", "👩‍💻🇨🇳", "e\u0301\u0302\u0303",
            "\u202Eabc\u202C", "ＯＯＭ１２３％", "Ⅻ", "ﬁ", "ẞß", "İı", "𠮷野家", "한국어", "日本語のテキスト", "Ελληνικά", "\u3000");
    private static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\u000B", "\f", "\r", "\u001B", "\u007F",
            "\u0085", "\u00A0", "\u200B", "\u200D", "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDBFF", "\uDC00",
            "x\uDFFFy", "\uDBFF\uDFFF");
    private static final List<String> MARKDOWN = List.of("\n", "\n\n", "\n- ", "\n  - ", "\n1. ", "\n> ", "\n## ", "\n# 第10周 2023-03-03\n",
            "\n---\n", "\n| a | b |\n|---|---|\n| 1 | 2 |\n", "\n```\n", "`", "**", "*", "_", "~~", "[", "](", ")", "![", "\\", "：", "%",
            "99.98%", "处置：", "原因：", "2/30 25:61 ", "生产稳定性事件：", "\n[ref]: https://example.org\n", "[ref]", "<https://example.org>",
            "www.example.org", "a@example.org", "    ", "\t");

    private ReportMutations() {
    }

    /** A seed report with one to six mutations; it shows as the seed and the mutations when a property fails. */
    public static Arbitrary<Mutated> mutatedReports() {
        return Combinators.combine(Arbitraries.of(SEEDS), mutation().list().ofMinSize(1).ofMaxSize(6)).as(Mutated::new);
    }

    /** A seed report and what was done to it. */
    public record Mutated(String seed, List<Mutation> mutations) {

        public String text() {
            String text = SEED_TEXT.get(seed);
            for (Mutation m : mutations) {
                text = m.apply(text);
            }
            return text;
        }
    }

    /** A title line and up to 80 pieces of Markdown, HTML and odd characters. */
    public static Arbitrary<String> randomReports() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(MARKDOWN), Arbitraries.of(FRAGMENTS), Arbitraries.of(INJECTIONS),
                Arbitraries.of(SCRIPTS), Arbitraries.of(CONTROLS), Arbitraries.strings().ofMaxLength(8));
        return piece.list().ofMaxSize(80).map(pieces -> "# 第09周 2023-02-24\n" + String.join("", pieces));
    }

    /** One change to a report: a payload put at a place, or the whole text rewritten. */
    public record Mutation(Kind kind, double at, String payload) {

        public enum Kind { INSERT, REPLACE_LINE, DELETE, CRLF, CR, BOM }

        String apply(String text) {
            int position = (int) Math.min(text.length(), Math.max(0, Math.round(at * text.length())));
            return switch (kind) {
                case INSERT -> text.substring(0, position) + payload + text.substring(position);
                case REPLACE_LINE -> {
                    int start = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
                    int end = text.indexOf('\n', position);
                    yield text.substring(0, start) + payload + (end < 0 ? "" : text.substring(end));
                }
                // a stretch as long as seven payloads: up to several lines
                case DELETE -> text.substring(0, position) + text.substring(Math.min(text.length(), position + payload.length() * 7 + 1));
                case CRLF -> text.replace("\n", "\r\n");
                case CR -> text.replace("\n", "\r");
                case BOM -> position == 0 ? "\uFEFF" + text : text.substring(0, position) + "\uFEFF" + text.substring(position);
            };
        }

        /** Readable in a failure report: invisible characters as {@code \\uXXXX}, long payloads cut. */
        @Override
        public String toString() {
            String shown = payload.length() > 60 ? payload.substring(0, 60) : payload;
            StringBuilder out = new StringBuilder(kind + "@" + String.format("%.3f", at) + ":");
            shown.chars().forEach(c -> out.append(c >= ' ' && c < 0x7F || Character.isLetterOrDigit(c) && !Character.isSurrogate((char) c)
                    ? String.valueOf((char) c) : String.format("\\u%04X", c)));
            return out + (payload.length() > 60 ? "…(" + payload.length() + " chars)" : "");
        }
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> payload = Arbitraries.frequencyOf(
                Tuple.of(3, nesting()),
                Tuple.of(2, hugeLine()),
                Tuple.of(3, Arbitraries.of(CONTROLS)),
                Tuple.of(2, Arbitraries.of(SCRIPTS)),
                Tuple.of(3, Arbitraries.of(FRAGMENTS)),
                Tuple.of(3, Arbitraries.of(INJECTIONS)),
                Tuple.of(3, Arbitraries.of(MARKDOWN)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
        Arbitrary<Mutation.Kind> kind = Arbitraries.frequency(
                Tuple.of(12, Mutation.Kind.INSERT), Tuple.of(4, Mutation.Kind.REPLACE_LINE),
                Tuple.of(2, Mutation.Kind.DELETE), Tuple.of(1, Mutation.Kind.CRLF),
                Tuple.of(1, Mutation.Kind.CR), Tuple.of(1, Mutation.Kind.BOM));
        return Combinators.combine(kind, at, payload).as(Mutation::new);
    }

    /** Lists, quotes, emphasis or raw HTML nested up to 80 deep: past the parser's limit of 50. */
    private static Arbitrary<String> nesting() {
        return Arbitraries.integers().between(1, 80).flatMap(depth -> Arbitraries.of(
                "\n" + IntStream.range(0, depth).mapToObj(i -> "  ".repeat(i) + "- 第" + i + "层：" + i + "%").collect(Collectors.joining("\n")) + "\n",
                "\n" + "> ".repeat(depth) + "引用\n",
                "\n" + "> - ".repeat(depth) + "混合\n",
                "*a ".repeat(depth) + "x" + " a*".repeat(depth),
                "~~a ".repeat(depth) + "x" + " a~~".repeat(depth),
                "![".repeat(depth) + "x" + "](y)".repeat(depth),
                "<div>".repeat(depth) + "x" + "</div>".repeat(depth / 2),
                "\n" + "<div>\n\n".repeat(depth),
                "<table><tr><td>".repeat(depth)));
    }

    /** One line of up to 60,000 characters. */
    private static Arbitrary<String> hugeLine() {
        return Combinators.combine(
                Arbitraries.of("x", "成功率：99.98%，", "|", "*", "_", "[", "](", "<", "&#", "\\", "`", " ", "-", "1.", "\u00A0"),
                Arbitraries.integers().between(1_000, 60_000)).as((unit, length) -> unit.repeat(Math.max(1, length / unit.length())));
    }

    /**
     * Runs {@code work} and fails if it takes longer than {@code limit}: a property case must never hang, and
     * a case that hangs must not hang the build.
     */
    public static <T> T within(Duration limit, Supplier<T> work) {
        return Assertions.assertTimeoutPreemptively(limit, work::get);
    }

    private static String resource(String name) {
        try (InputStream in = ReportMutations.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
