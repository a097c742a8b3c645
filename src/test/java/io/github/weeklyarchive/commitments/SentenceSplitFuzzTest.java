package io.github.weeklyarchive.commitments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.weeklyarchive.testing.FuzzSeed;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SentenceSplitFuzzTest {

    /** A line is cut into sentences as the pattern it replaced cut it: runs of stops, leading and trailing ones too. */
    @Property(tries = 3000, seed = FuzzSeed.VALUE)
    void sentencesAreWhatThePatternSplitGives(@ForAll("lines") String text) {
        assertArrayEquals(Pattern.compile("[;。!?]+").split(text), CommitmentExtractor.sentences(text), text);
    }

    /** A sentence is cut into clauses at commas and at colons that are not a time's (19:40). */
    @Property(tries = 3000, seed = FuzzSeed.VALUE)
    void clausesAreWhatThePatternSplitGives(@ForAll("lines") String text) {
        assertArrayEquals(Pattern.compile(",|(?<!\\d):|:(?!\\d)").split(text), CommitmentExtractor.clauses(text), text);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars(";。!?,:：，19a 上线").ofMaxLength(12);
    }
}
