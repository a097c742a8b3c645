package io.github.weeklyarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.weeklyarchive.report.Report;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchiveTest {

    private static Report report(String source, String date, boolean draft) {
        return new Report(source, "周报 " + date, LocalDate.parse(date), Optional.empty(), List.of(), draft,
                Optional.empty(), List.of(), "<p>x</p>", List.of(), List.of(), List.of(), io.github.weeklyarchive.report.DateSource.TITLE);
    }

    @Test
    void weeksAreInDateOrderWithTheirNeighboursWhateverTheFileOrder() {
        Archive archive = Archive.assemble(List.of(
                report("content/z.md", "2023-02-17", false),
                report("content/a.md", "2023-03-03", false),
                report("content/m.md", "2023-02-24", false)), false).archive();
        assertEquals(List.of("2023/2023-02-17.html", "2023/2023-02-24.html", "2023/2023-03-03.html"),
                archive.weeks().stream().map(Week::uri).toList());
        Week middle = archive.weeks().get(1);
        assertEquals("2023/2023-02-17.html", middle.previous().orElseThrow().uri());
        assertEquals("2023/2023-03-03.html", middle.next().orElseThrow().uri());
        assertEquals(Optional.empty(), archive.weeks().get(0).previous());
        assertEquals(Optional.empty(), archive.weeks().get(2).next());
    }

    @Test
    void twoReportsOnOneDateAreAnErrorAndTheFirstByPathKeepsTheDate() {
        Archive.Assembled assembled = Archive.assemble(List.of(
                report("content/b.md", "2023-02-24", false),
                report("content/a.md", "2023-02-24", false)), false);
        assertEquals(List.of("content/a.md"), assembled.archive().weeks().stream().map(w -> w.report().source()).toList());
        assertEquals("content/b.md:1: error: this report (dated by its title) and content/a.md (dated by its title) are both dated 2023-02-24; "
                + "each week needs its own date: correct the date in one of them, or, if one is not a weekly report, "
                + "mark it draft: true or leave it out (content.exclude)", assembled.problems().get(0).toString());
    }

    @Test
    void draftsAreLeftOutUnlessAskedForAndDoNotBreakTheChain() {
        List<Report> reports = List.of(
                report("content/1.md", "2023-02-17", false),
                report("content/2.md", "2023-02-24", true),
                report("content/3.md", "2023-03-03", false));
        Archive published = Archive.assemble(reports, false).archive();
        assertEquals(2, published.weeks().size());
        assertEquals("2023/2023-03-03.html", published.weeks().get(0).next().orElseThrow().uri());
        assertEquals(3, Archive.assemble(reports, true).archive().weeks().size());
    }
}
