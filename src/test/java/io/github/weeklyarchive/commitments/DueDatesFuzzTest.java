package io.github.weeklyarchive.commitments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.weeklyarchive.testing.FuzzSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DueDatesFuzzTest {

    /** Trying the date forms only where a date can start finds what {@code Matcher.find} finds, at the same places. */
    @Property(tries = 3000, seed = FuzzSeed.VALUE)
    void datesAreFoundWhereFindFindsThem(@ForAll("clauses") String text) {
        List<String> byFind = new ArrayList<>();
        Matcher all = DueDates.matcher(text);
        while (all.find()) {
            byFind.add(all.start() + "-" + all.end() + " " + all.group());
        }
        List<String> byNext = new ArrayList<>();
        Matcher m = DueDates.matcher(text);
        for (int from = 0; DueDates.next(m, text, from); from = m.end()) {
            byNext.add(m.start() + "-" + m.end() + " " + m.group());
        }
        assertEquals(byFind, byNext, text);
    }

    @Provide
    Arbitrary<String> clauses() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("2023", "20", "2", "3", "12", "31", "7", "0", "/", "-", ".", ":", "%", " ", "年", "月", "日", "号", "周", "个", "份",
                        "天", "底", "末", "初", "上旬", "中旬", "下旬", "下", "下个", "下下周", "本周", "这周", "本月", "这个月", "上", "二", "五", "日",
                        "月底", "年底", "年末", "上线", "完成", "预计", "计划", "，", "。", "2/28", "3月7日", "2023-03-07", "4月中旬"),
                Arbitraries.strings().withChars("0123456789/.:-年月日下本这周底个 ").ofMaxLength(4));
        return piece.list().ofMaxSize(16).map(pieces -> String.join("", pieces));
    }
}
