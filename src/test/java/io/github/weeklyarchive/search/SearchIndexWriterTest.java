package io.github.weeklyarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.report.Report;
import io.github.weeklyarchive.report.ReportParser;
import io.github.weeklyarchive.report.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index finds what the query means: for every query, the weeks whose passages the postings name
 * for every part include every week where each part occurs in a line (no misses), and reading those
 * passages, as search.js does, leaves exactly those weeks.
 */
class SearchIndexWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<SearchIndexWriter.Page> pages() throws Exception {
        String sample = io.github.weeklyarchive.testing.Sample.text();
        List<String> texts = List.of(
                sample,
                "# 第10周 2023-03-03\n\n## 风控\n\n- 入金成功率提升，有效\n- 报表迁移\n- 读完一本书\n",
                "# 第11周 2023-03-10\n\n## 【安全】\n\n- 报告里写了 <script>alert(1)</script> 和 \"><img src=x onerror=alert(1)>\n- Hive 数仓进度 50%\n",
                "# Week 12 2023-03-17\n\n## Rust\n\n- tokio-console and a Tokio-based runtime\n- const generics landed; two transactions\n"
                        + "- the constant pool; generics later\n- gmail, multi-Raft\n",
                "# Week 13 2023-03-24\n\n## Notes\n\n- const fn and generics apart\n- gotokio\n",
                "# Week 14 2023-03-31 书\n",
                "# Week 15 2023-04-07\n\n- tokio 书\n");
        List<SearchIndexWriter.Page> pages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Report r = ReportParser.parse("content/" + i + ".md", texts.get(i)).report().orElseThrow();
            pages.add(new SearchIndexWriter.Page("2023/" + r.date() + ".html", r.title(), r.date(), r.displayWeek(), List.of("t" + (i % 2)), r.sections()));
        }
        return pages;
    }

    /** The lines a week is searched in: its title, then each section's heading and lines. */
    private static List<String> lines(SearchIndexWriter.Page page) {
        List<String> lines = new ArrayList<>(List.of(page.title()));
        for (Section s : page.sections()) {
            lines.add(s.heading());
            lines.addAll(List.of(s.text().split("\n")));
        }
        return lines;
    }

    private static boolean holds(List<String> lines, Query query) {
        return query.parts().stream().allMatch(part -> lines.stream()
                .anyMatch(line -> Query.occursIn(part.text(), Query.collapse(Tokenizer.normalize(line)))));
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Path file) throws Exception {
        return (T) JSON.readValue(Files.readString(file), Object.class);
    }

    /** Reads a chunk (SearchIndexWriter.postingsText): front-coded tokens, each followed by its ids. */
    static Map<String, String> readPostings(Path file) throws Exception {
        return readPostings((String) read(file));
    }

    static Map<String, String> readPostings(String text) {
        Map<String, String> postings = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile("([!#$%&'()*+,/:;<=>?@\\[\\]^`{|}])([^ ]+) ([^!#$%&'()*+,/:;<=>?@\\[\\]^`{|}]*)")
                .matcher(text);
        String previous = "";
        while (entry.find()) {
            String token = previous.substring(0, "!#$%&'()*+,/:;<=>?@[]^`{|}".indexOf(entry.group(1))) + entry.group(2);
            postings.put(token, entry.group(3));
            previous = token;
        }
        return postings;
    }

    /** The passages the postings name for every look-up of a part, as search.js finds them: a prefix takes every token it begins. */
    private static Set<Integer> candidates(Path index, Map<String, Object> meta, Query.Part part) throws Exception {
        Set<Integer> result = null;
        @SuppressWarnings("unchecked")
        List<String> firstTokens = (List<String>) meta.get("chunks");
        for (Query.Lookup lookup : part.lookups()) {
            Set<Integer> ids = new TreeSet<>();
            for (int chunk = 0; chunk < firstTokens.size(); chunk++) {
                readPostings(index.resolve("postings/" + chunk + ".json")).forEach((token, encoded) -> {
                    if (token.equals(lookup.token()) || lookup.prefix() && token.startsWith(lookup.token())) {
                        ids.addAll(decode(encoded));
                    }
                });
            }
            if (result == null) {
                result = ids;
            } else {
                result.retainAll(ids);
            }
        }
        return result;
    }

    /** Reads SearchIndexWriter.IdList, written independently of it: base-32 gaps with runs, Rice-coded gaps, or a bitmap. */
    static List<Integer> decode(String encoded) {
        List<Integer> ids = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return ids;
        }
        String alphabet = SearchIndexWriter.IdList.BASE64URL;
        if (encoded.startsWith("~")) {
            for (int c = 1; c < encoded.length(); c++) {
                int bits = alphabet.indexOf(encoded.charAt(c));
                for (int b = 0; b < 6; b++) {
                    if ((bits & (1 << b)) != 0) {
                        ids.add((c - 1) * 6 + b);
                    }
                }
            }
            return ids;
        }
        if (encoded.startsWith(".")) {
            int k = alphabet.indexOf(encoded.charAt(1));
            StringBuilder bits = new StringBuilder(); // '1' and '0' in the order written
            for (char c : encoded.substring(2).toCharArray()) {
                int value = alphabet.indexOf(c);
                for (int b = 0; b < 6; b++) {
                    bits.append((value >> b) & 1);
                }
            }
            java.util.regex.Matcher gap = java.util.regex.Pattern.compile("(1*)0([01]{" + k + "})").matcher(bits);
            int last = -1;
            int end = 0;
            while (gap.find() && gap.start() == end) {
                int low = k == 0 ? 0 : Integer.parseInt(new StringBuilder(gap.group(2)).reverse().toString(), 2);
                last += (gap.group(1).length() << k) + low + 1;
                ids.add(last);
                end = gap.end();
            }
            assertTrue(bits.substring(end).matches("1{0,5}"), () -> "only filling ones after the last gap: " + encoded);
            return ids;
        }
        List<Integer> numbers = new ArrayList<>();
        int n = 0;
        for (char c : encoded.toCharArray()) {
            int digit = alphabet.indexOf(c);
            n = n * 32 + digit % 32;
            if (digit < 32) {
                numbers.add(n);
                n = 0;
            }
        }
        int last = -1;
        int gap = 0;
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) == 0) {
                for (int r = numbers.get(++i); r > 0; r--) {
                    last += gap;
                    ids.add(last);
                }
            } else {
                gap = numbers.get(i);
                last += gap;
                ids.add(last);
            }
        }
        return ids;
    }

    /** "starts" holds each week's first passage plus its number; the titles are numbered after every week's text. */
    private static int weekOf(List<Integer> starts, int firstTitle, int passage) {
        if (passage >= firstTitle) {
            return passage - firstTitle;
        }
        int week = 0;
        while (week + 1 < starts.size() && starts.get(week + 1) - (week + 1) <= passage) {
            week++;
        }
        return week;
    }

    @Test
    void theIndexFindsExactlyTheWeeksThatHoldEveryPart(@TempDir Path dir) throws Exception {
        List<SearchIndexWriter.Page> pages = pages();
        SearchIndexWriter.Stats stats = SearchIndexWriter.write(pages, dir);
        assertEquals(7, stats.pages());
        Map<String, Object> meta = read(dir.resolve("meta.json"));
        List<Integer> starts = decode((String) meta.get("starts"));
        int firstTitle = ((Number) meta.get("passages")).intValue() - pages.size();
        int checked = 0;
        for (String q : List.of("入金有效成功率", "数仓", "控报", "OOM", "swagger", "Swagger", "成功率", "有效", "入金成功率", "风控报表",
                "onerror", "script", "99.98", "9.98", "第09周", "银商", "hive", "不存在的词", "书", "率", "tokio", "okio", "raft",
                "transaction", "const", "\"const generics\"", "const generics", "\"generics const\"", "ai", "tokio-", "2023 书")) {
            Query query = Query.parse(q);
            Set<Integer> expected = new TreeSet<>();
            for (int week = 0; week < pages.size(); week++) {
                if (holds(lines(pages.get(week)), query)) {
                    expected.add(week);
                }
            }
            Map<Integer, Set<Integer>> passagesOfWeek = new java.util.HashMap<>();
            Set<Integer> weeks = null;
            for (Query.Part part : query.parts()) {
                Set<Integer> weeksOfPart = new HashSet<>();
                for (int passage : candidates(dir, meta, part)) {
                    weeksOfPart.add(weekOf(starts, firstTitle, passage));
                    passagesOfWeek.computeIfAbsent(weekOf(starts, firstTitle, passage), w -> new TreeSet<>()).add(passage);
                }
                if (weeks == null) {
                    weeks = weeksOfPart;
                } else {
                    weeks.retainAll(weeksOfPart);
                }
            }
            assertTrue(weeks.containsAll(expected), q + ": the postings miss " + expected + " vs " + weeks);
            Set<Integer> confirmed = new TreeSet<>();
            for (int week : weeks) {
                List<String> read = new ArrayList<>();
                for (int passage : passagesOfWeek.get(week)) {
                    if (passage == firstTitle + week) {
                        read.add(pages.get(week).title());
                        continue;
                    }
                    List<List<String>> pieces = read(dir.resolve("passages/" + passage + ".json"));
                    for (List<String> piece : pieces) {
                        read.add(piece.get(1));
                        read.addAll(List.of(piece.get(2).split("\n")));
                    }
                }
                if (holds(read, query)) {
                    confirmed.add(week);
                }
            }
            assertEquals(expected, confirmed, q);
            checked += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(checked >= 20, "most queries find something: " + checked);
    }

    @Test
    @SuppressWarnings("unchecked")
    void idListsAndPostingsAreWrittenAsTheSharedVectorsSay() throws Exception {
        for (Map<String, Object> vector : TokenizerTest.vectors("encoded")) {
            SearchIndexWriter.IdList list = new SearchIndexWriter.IdList();
            ((List<Integer>) vector.get("ids")).forEach(list::add);
            assertEquals(vector.get("encoded"), list.encoded((Integer) vector.get("universe")), vector::toString);
            assertEquals(vector.get("ids"), decode((String) vector.get("encoded")), vector::toString);
        }
        for (Map<String, Object> vector : TokenizerTest.vectors("written")) {
            assertEquals(vector.get("written"), SearchIndexWriter.postingsText((Map<String, String>) vector.get("postings")), vector::toString);
        }
    }

    @Test
    void idListsReadBackInBothForms() {
        List<List<Integer>> cases = List.of(List.of(), List.of(0), List.of(7), List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), List.of(3, 13, 23, 33, 40), List.of(0, 31, 32, 1100, 40000),
                java.util.stream.IntStream.range(0, 600).filter(i -> i % 3 != 1).boxed().toList());
        for (List<Integer> ids : cases) {
            SearchIndexWriter.IdList list = new SearchIndexWriter.IdList();
            ids.forEach(list::add);
            assertEquals(ids, decode(list.encoded(600)), ids::toString);
        }
        SearchIndexWriter.IdList dense = new SearchIndexWriter.IdList();
        cases.get(6).forEach(dense::add);
        assertTrue(dense.encoded(600).startsWith("~"), "ids in most of 600 passages are a bitmap");
        SearchIndexWriter.IdList run = new SearchIndexWriter.IdList();
        java.util.stream.IntStream.rangeClosed(0, 9).forEach(i -> run.add(3 + 10 * i));
        assertEquals("EKAI", run.encoded(600), "3, then gaps of 10 repeated: 3 + 1, 10, 0 and 8 more");
        SearchIndexWriter.IdList even = new SearchIndexWriter.IdList();
        java.util.stream.IntStream.range(0, 300).forEach(i -> even.add(i * 20 + (i * 7) % 11));
        assertTrue(even.encoded(6000).startsWith("."), "ids about 20 apart in 6,000 passages are Rice-coded: " + even.encoded(6000));
        assertEquals(java.util.stream.IntStream.range(0, 300).map(i -> i * 20 + (i * 7) % 11).boxed().toList(), decode(even.encoded(6000)));
        SearchIndexWriter.IdList far = new SearchIndexWriter.IdList();
        List.of(40, 100, 1124).forEach(far::add);
        assertEquals("hJhchgA", far.encoded(60_000), "41 and 60 take two base-32 digits, 1024 three: all but the last from the upper half");
    }

    /** Each token's ids, encoded, after keepOnlyLoneCharacters: from every token, or from those the writer reads. */
    private static Map<String, String> lonePostings(List<String> passages, boolean everyCharacter) {
        java.util.TreeMap<String, SearchIndexWriter.IdList> tokens = new java.util.TreeMap<>();
        for (int id = 0; id < passages.size(); id++) {
            int passage = id;
            Tokenizer.forEachToken(passages.get(id), everyCharacter, t -> tokens.computeIfAbsent(t, k -> new SearchIndexWriter.IdList()).add(passage));
        }
        SearchIndexWriter.keepOnlyLoneCharacters(tokens, passages.size());
        Map<String, String> encoded = new java.util.TreeMap<>();
        tokens.forEach((token, ids) -> encoded.put(token, ids.encoded(passages.size())));
        return encoded;
    }

    @Test
    void aCharactersOwnListHoldsOnlyThePassagesWhereNoBigramItBeginsIs() {
        List<String> passages = List.of("读书会", "一本书。", "书", "读书", "书会；读书");
        Map<String, String> lone = lonePostings(passages, true);
        assertEquals(List.of(1, 2, 3), decode(lone.get("书")), "书 ends a run or stands alone there; 书会 covers passages 0 and 4");
        assertEquals(List.of(0, 4), decode(lone.get("书会")));
        assertEquals(false, lone.containsKey("读"), "读 begins 读书 wherever it is: its own list is empty, so it is left out");
        assertEquals(List.of(0, 3, 4), decode(lone.get("读书")));
        assertEquals(lone, lonePostings(passages, false), "the writer reads a character only where no Han character follows it: the same lists");
    }

    /** The chunks search.js reads for a look-up: the last whose key is at or before the token, then, for a prefix, those keyed below it + U+FFFF. */
    private static List<Integer> chunksFor(List<String> keys, String token, boolean prefix) {
        int lo = 0;
        while (lo + 1 < keys.size() && keys.get(lo + 1).compareTo(token) <= 0) {
            lo++;
        }
        List<Integer> chunks = new ArrayList<>(List.of(lo));
        for (int j = lo + 1; prefix && j < keys.size() && keys.get(j).compareTo(token + "\uffff") < 0; j++) {
            chunks.add(j);
        }
        return chunks;
    }

    @Test
    void chunkKeysLeadEveryLookupToTheChunksHoldingIt() {
        List<String> tokens = List.of("a", "ab", "abc", "abd", "abde", "b", "tok", "toki", "tokio", "tokiors", "tokyo", "u", "书", "书会", "书写",
                "书本", "读", "读书", "𠀀", "𠀀𠀁", "𠀁");
        for (int size = 1; size <= 4; size++) {
            List<String> keys = new ArrayList<>();
            List<Integer> chunkOf = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (i % size == 0) {
                    keys.add(SearchIndexWriter.chunkKey(i == 0 ? "" : tokens.get(i - 1), tokens.get(i)));
                }
                chunkOf.add(keys.size() - 1);
            }
            for (String key : keys) {
                assertTrue(!Character.isHighSurrogate(key.charAt(key.length() - 1)), key);
            }
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                assertEquals(List.of(chunkOf.get(i)), chunksFor(keys, token, false), token + " in chunks of " + size);
                for (int end = 1; end <= token.length(); end++) {
                    String prefix = token.substring(0, end);
                    Set<Integer> holding = new TreeSet<>();
                    for (int k = 0; k < tokens.size(); k++) {
                        if (tokens.get(k).startsWith(prefix)) {
                            holding.add(chunkOf.get(k));
                        }
                    }
                    assertTrue(chunksFor(keys, prefix, true).containsAll(holding), prefix + " in chunks of " + size + ": " + keys);
                }
            }
        }
    }

    @Test
    void utf8LengthIsCountedAsJavaEncodesIt() {
        for (String text : List.of("", "a", "é", "中文", "𠀀𠀁", "\uD800", "x\uDC00y", "\uD800\uD800\uDC00", "风控 OOM：99.98%")) {
            assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, SearchIndexWriter.utf8(text), text);
        }
    }

    @Test
    void passagesKeepEachLineWithItsSectionAndStayUnderTheirSize() {
        List<Section> sections = List.of(new Section("a", "A", "一\n二"), new Section("b", "B", ""),
                new Section("c", "C", ("长".repeat(300) + "\n").repeat(4)));
        List<SearchIndexWriter.Passage> passages = SearchIndexWriter.passages(sections);
        assertEquals(List.of(new SearchIndexWriter.Piece("a", "A", "一\n二"), new SearchIndexWriter.Piece("b", "B", ""),
                new SearchIndexWriter.Piece("c", "C", "长".repeat(300) + "\n" + "长".repeat(300))), passages.get(0).pieces());
        assertEquals(2, passages.size());
        for (SearchIndexWriter.Passage p : passages) {
            assertTrue(p.indexed().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= SearchIndexWriter.PASSAGE_BYTES + 16, p::indexed);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void weeksCarryWhatResultsShowAndMetaTheFilters(@TempDir Path dir) throws Exception {
        SearchIndexWriter.write(pages(), dir);
        Map<String, Object> week = read(dir.resolve("weeks/0.json"));
        assertEquals(Map.of("u", "2023/2023-02-24.html", "t", "第09周 2023-02-24", "d", "2023-02-24", "w", "第09周"), week);
        Map<String, Object> meta = read(dir.resolve("meta.json"));
        assertEquals(Map.of("2023", List.of(0, 6)), meta.get("years"));
        Map<String, String> tags = (Map<String, String>) meta.get("tags");
        assertEquals(List.of("t0", "t1"), List.copyOf(tags.keySet()));
        assertEquals(List.of(0, 2, 4, 6), decode(tags.get("t0")));
        assertEquals(List.of(1, 3, 5), decode(tags.get("t1")));
    }
}
