package io.github.weeklyarchive.search;

import io.github.weeklyarchive.testing.FuzzSeed;
import static io.github.weeklyarchive.testing.ReportMutations.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.testing.ReportMutations;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any text, lone surrogates and damaged reports included, tokenizes without an exception, into pieces of itself. */
class TokenizerFuzzTest {

    private static final Duration PER_CASE = Duration.ofSeconds(10);

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u4E00', '\u4E20').withChars("的.-_ １２ＡＢ\uD800\uDFFF\u0301ﬁẞİ").ofMaxLength(200),
                Arbitraries.strings().withChars("a1.-_ \u00A0\u3000\u200B").ofMaxLength(20_000));
    }

    @Provide
    Arbitrary<String> mutatedReports() {
        return ReportMutations.mutatedReports().map(ReportMutations.Mutated::text);
    }

    @Property(tries = 2000, seed = FuzzSeed.VALUE)
    void anyTextTokenizesIntoPiecesOfItsNormalForm(@ForAll("anyText") String text) {
        check(text);
    }

    @Property(tries = 200, seed = FuzzSeed.VALUE)
    void aDamagedReportTokenizes(@ForAll("mutatedReports") String text) {
        check(text);
    }

    private static void check(String text) {
        List<String> tokens = within(PER_CASE, () -> Tokenizer.tokens(text));
        String normal = Tokenizer.normalize(text);
        for (String token : tokens) {
            assertTrue(!token.isEmpty() && normal.contains(token), () -> "token '" + token + "' of " + text);
        }
    }
}
