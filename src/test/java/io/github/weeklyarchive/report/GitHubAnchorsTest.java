package io.github.weeklyarchive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected anchors as GitHub shows them for these headings (github-slugger's own test cases, and real reports). */
class GitHubAnchorsTest {

    @Test
    void anEmojiIsTakenOutButTheSpaceAfterItStays() {
        assertEquals("-javascriptcore-与-promise-那点事", GitHubAnchors.slug("🐕 JavaScriptCore 与 Promise 那点事"));
        assertEquals("--微信业务开发方法与实践", GitHubAnchors.slug("🌟 🐢 微信业务开发方法与实践"));
    }

    @Test
    void punctuationIsTakenOutAndEachSpaceIsAHyphen() {
        assertEquals("系统运行数据", GitHubAnchors.slug("【系统运行数据】"));
        assertEquals("v12-release---notes", GitHubAnchors.slug("v1.2 Release - Notes"));
        assertEquals("foo_bar-baz", GitHubAnchors.slug("Foo_bar, baz!"));
        assertEquals("1-本周进展", GitHubAnchors.slug("1. 本周进展"));
        // github-slugger's own cases: other numbers go, letter-like symbols stay.
        assertEquals("-系统运行数据", GitHubAnchors.slug("① 系统运行数据"));
        assertEquals("x-squared", GitHubAnchors.slug("x² squared"));
        assertEquals("ⓐ-test", GitHubAnchors.slug("Ⓐ test"));
    }

    @Test
    void aRepeatedHeadingIsNumberedFromOne() {
        GitHubAnchors anchors = new GitHubAnchors();
        assertEquals(List.of("工具", "工具-1", "工具-2", "工具-1-1"),
                List.of(anchors.next("工具"), anchors.next("工具"), anchors.next("工具"), anchors.next("工具-1")));
    }
}
