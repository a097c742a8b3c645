package io.github.weeklyarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.report.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index finds what a substring search finds: for every query, the weeks whose postings hold all
 * the query's tokens include every week whose text contains the query (no misses), and after the
 * client's confirmation against the page text they are exactly those weeks.
 */
class SearchIndexWriterTest {

    private static Object json(String text) throws java.io.IOException {
        return new ObjectMapper().readValue(text, Object.class);
    }

    private static List<SearchIndexWriter.Page> pages() throws Exception {
        String sample = io.github.weeklyarchive.testing.Sample.text();
        List<String> texts = List.of(
                sample,
                "# 第10周 2023-03-03\n\n## 风控\n\n- 入金成功率提升，有效\n- 报表迁移\n",
                "# 第11周 2023-03-10\n\n## 【安全】\n\n- 报告里写了 <script>alert(1)</script> 和 \"><img src=x onerror=alert(1)>\n- Hive 数仓进度 50%\n");
        List<SearchIndexWriter.Page> pages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Report r = ReportParser.parse("content/" + i + ".md", texts.get(i)).report().orElseThrow();
            pages.add(new SearchIndexWriter.Page("2023/" + r.date() + ".html", r.title(), r.date(), r.displayWeek(), List.of("t" + (i % 2)), r.sections()));
        }
        return pages;
    }

    @SuppressWarnings("unchecked")
    private static Set<Integer> candidates(Path index, String query) throws Exception {
        Map<String, Object> meta = (Map<String, Object>) json(Files.readString(index.resolve("meta.json")));
        int shards = ((Number) meta.get("shards")).intValue();
        Set<Integer> result = null;
        for (String token : Tokenizer.tokens(query)) {
            Map<String, String> shard = (Map<String, String>) json(
                    Files.readString(index.resolve("shards/" + SearchIndexWriter.shardOf(token, shards) + ".json")));
            Set<Integer> ids = decode(shard.get(token));
            if (result == null) {
                result = ids;
            } else {
                result.retainAll(ids);
            }
        }
        return result == null ? new TreeSet<>() : result;
    }

    private static Set<Integer> decode(String encoded) {
        Set<Integer> ids = new TreeSet<>();
        if (encoded == null || encoded.isEmpty()) {
            return ids;
        }
        int last = 0;
        String[] gaps = encoded.split(",");
        for (int i = 0; i < gaps.length; i++) {
            last = i == 0 ? Integer.parseInt(gaps[i], 36) : last + Integer.parseInt(gaps[i], 36);
            ids.add(last);
        }
        return ids;
    }

    private static String text(SearchIndexWriter.Page page) {
        StringBuilder text = new StringBuilder(page.title());
        for (Section s : page.sections()) {
            text.append('\n').append(s.heading()).append('\n').append(s.text());
        }
        return Tokenizer.normalize(text.toString());
    }

    @Test
    void theIndexFindsExactlyWhatASubstringSearchFinds(@TempDir Path dir) throws Exception {
        List<SearchIndexWriter.Page> pages = pages();
        SearchIndexWriter.Stats stats = SearchIndexWriter.write(pages, dir);
        assertEquals(3, stats.pages());
        for (String query : List.of("入金有效成功率", "数仓", "控报", "OOM", "swagger", "Swagger", "成功率", "有效", "入金成功率",
                "风控报表", "onerror", "script", "99.98", "第09周", "银商", "hive", "不存在的词")) {
            String needle = Tokenizer.normalize(query);
            Set<Integer> expected = new TreeSet<>();
            for (int id = 0; id < pages.size(); id++) {
                if (text(pages.get(id)).contains(needle)) {
                    expected.add(id);
                }
            }
            Set<Integer> found = candidates(dir, query);
            assertTrue(found.containsAll(expected), query + ": the postings miss " + expected + " vs " + found);
            found.removeIf(id -> !text(pages.get(id)).contains(needle)); // what search.js confirms on the fragment
            assertEquals(expected, found, query);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void fragmentsCarryWhatResultsShowAndMetaTheFilters(@TempDir Path dir) throws Exception {
        SearchIndexWriter.write(pages(), dir);
        Map<String, Object> fragment = (Map<String, Object>) json(Files.readString(dir.resolve("pages/0.json")));
        assertEquals("2023/2023-02-24.html", fragment.get("u"));
        assertEquals("第09周 2023-02-24", fragment.get("t"));
        List<List<String>> sections = (List<List<String>>) fragment.get("s");
        List<String> systemData = sections.stream().filter(s -> s.get(0).equals("系统运行数据")).findFirst().orElseThrow();
        assertEquals("【系统运行数据】", systemData.get(1));
        assertTrue(systemData.get(2).contains("入金有效成功率：99.98%"));
        Map<String, Object> meta = (Map<String, Object>) json(Files.readString(dir.resolve("meta.json")));
        assertEquals(Map.of("2023", List.of(0, 2)), meta.get("years"));
        assertEquals(Map.of("t0", "0,2", "t1", "1"), meta.get("tags"));
    }
}
