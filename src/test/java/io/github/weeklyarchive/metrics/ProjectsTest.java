package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.weeklyarchive.testing.FuzzSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The index of known projects finds what comparing a name with every known project in turn finds. */
class ProjectsTest {

    @Provide
    Arbitrary<String> name() {
        // Pieces that make names equal but for case and punctuation, or one inside another.
        return Arbitraries.of("Hive", "HIVE", "数仓", "标准", "建设", "C. ", "1、", "【", "】", " ", "总进度", "进展", "迁移", "对账单",
                "安心退", "账户", "交易", "-", "O2", "系统", "升级", "（", "）", "ab", "x").list().ofMinSize(1).ofMaxSize(6)
                .map(pieces -> String.join("", pieces));
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void findsTheFirstKnownProjectOfTheSameName(@ForAll("knownNames") List<String> known, @ForAll("name") String name) {
        Projects.Known index = new Projects.Known();
        List<String> added = new ArrayList<>();
        for (String k : known) {
            // As Projects.of adds them: a heading joins the known projects unless it names one already known.
            if (index.find(k).isEmpty()) {
                index.add(k);
                added.add(k);
            }
            assertEquals(firstSame(added, name), index.find(name), () -> "known " + added + ", name " + name);
        }
    }

    @Provide
    Arbitrary<List<String>> knownNames() {
        return name().list().ofMaxSize(40);
    }

    @Test
    void aShorterSpellingJoinsTheProjectItIsPartOf() {
        Projects.Known index = new Projects.Known();
        index.add("O2系统升级");
        index.add("HIVE标准数仓建设");
        assertEquals(Optional.of("HIVE标准数仓建设"), index.find("Hive数仓建设总进度"));
        assertEquals(Optional.empty(), index.find("数仓")); // too short to stand for a project
    }

    private static Optional<String> firstSame(List<String> known, String name) {
        return known.stream().filter(k -> Projects.sameName(k, name)).findFirst();
    }
}
