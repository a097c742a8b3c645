package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateFinderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "第09周 2023-02-24                         | 2023-02-24",
            "第09周 2023/02/24                         | 2023-02-24",
            "周报 2023.2.4                             | 2023-02-04",
            "2023年2月24日 周报                         | 2023-02-24",
            "PLCT 开源进展·第 46 期·2023 年 6 月 1 日     | 2023-06-01",
            "2023年第12周（3.13-3.17）                  | 2023-03-17",
            "2023年第12周(3月13日~3月17日)               | 2023-03-17",
            "2022年第52周（12.26-1.1）                  | 2023-01-01",
            "第09周 ２０２３－０２－２４                   | 2023-02-24",
            "2023-03-13 ~ 2023-03-17                   | 2023-03-17",
            "PLCT 开源进展·第 74 期·2025 年 9 月汇总        | 2025-09-30",
    })
    void findsTheReportDateInATitle(String title, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), DateFinder.inText(title).date());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-02-24-week09 | 2023-02-24",
            "2023_02_24        | 2023-02-24",
            "20230224          | 2023-02-24",
            "week-2023-3-3     | 2023-03-03",
    })
    void findsTheDateInAFileName(String name, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), DateFinder.inFileName(name).date());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"本周进展", "第09周", "版本 1.2.3", "12345678"})
    void findsNothingWhereThereIsNoDate(String text) {
        assertEquals(Optional.empty(), DateFinder.inText(text).date());
        assertEquals(Optional.empty(), DateFinder.inText(text).invalid());
    }

    @Test
    void aLongTitleIsReadInLinearTime() {
        for (String title : List.of("2023年".repeat(10_000), "2023年（3.13" + " ".repeat(50_000) + "-", "2023年 " + " ".repeat(50_000) + "2月")) {
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> DateFinder.inText(title));
        }
        assertEquals(Optional.of(LocalDate.of(2023, 3, 17)), DateFinder.inText("2023年  第12周  （ 3.13 日 - 3.17 日 ）").date());
    }
}
