package io.github.weeklyarchive.search;

import io.github.weeklyarchive.report.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes the search index the browser queries, with no server: token postings split into shards
 * by hash (a query fetches only the shards of its tokens), one small fragment per page (title,
 * date, sections with their text, for excerpts and to confirm phrases), and a meta file.
 *
 * <pre>
 * search/meta.json          {"shards": S, "pages": N, "years": {"2023": [first, last]}, "tags": {"支付": "0,3"}}
 * search/shards/K.json      {"成功": "0,1,3", "^成功": "2"}   page ids, delta-encoded in base 36;
 *                           "^" marks a token of a title or heading, for ranking
 * search/pages/ID.json      {"u": url, "t": title, "d": date, "w": week, "g": [tags], "s": [[anchor, heading, text], …]}
 * </pre>
 * Page ids are positions in date order, oldest first, so a year is a range of ids.
 */
public final class SearchIndexWriter {

    /** Bytes of postings a shard should hold, about: small enough that a query fetches little. */
    static final int TARGET_SHARD_BYTES = 6 * 1024;

    private SearchIndexWriter() {
    }

    /** One page to index. */
    public record Page(String url, String title, LocalDate date, String week, List<String> tags, List<Section> sections) {
        public Page {
            tags = List.copyOf(tags);
            sections = List.copyOf(sections);
        }
    }

    /** What was written, for the benchmark. */
    public record Stats(int pages, int shards, long postingBytes, long fragmentBytes) {
    }

    /** Jackson, maintained, writes our JSON; maps keep their order, so the index is the same every build. */
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    private static String json(Object value) throws IOException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the search index: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the index for {@code pages}, given oldest first, into {@code folder}. */
    public static Stats write(List<Page> pages, Path folder) throws IOException {
        Map<String, IdList> postings = new HashMap<>();
        for (int id = 0; id < pages.size(); id++) {
            Page page = pages.get(id);
            Set<String> body = new LinkedHashSet<>(Tokenizer.tokens(page.title()));
            Set<String> marked = new LinkedHashSet<>(Tokenizer.tokens(page.title()));
            for (Section section : page.sections()) {
                body.addAll(Tokenizer.tokens(section.heading()));
                marked.addAll(Tokenizer.tokens(section.heading()));
                body.addAll(Tokenizer.tokens(section.text()));
            }
            for (String token : body) {
                postings.computeIfAbsent(token, t -> new IdList()).add(id);
            }
            for (String token : marked) {
                postings.computeIfAbsent("^" + token, t -> new IdList()).add(id);
            }
        }
        long totalBytes = postings.entrySet().stream().mapToLong(e -> e.getKey().length() * 3L + e.getValue().encoded().length() + 6).sum();
        int shards = 1;
        while (shards < 65_536 && totalBytes / shards > TARGET_SHARD_BYTES) {
            shards *= 2;
        }
        List<Map<String, String>> byShard = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            byShard.add(new TreeMap<>());
        }
        for (Map.Entry<String, IdList> e : postings.entrySet()) {
            byShard.get(shardOf(e.getKey(), shards)).put(e.getKey(), e.getValue().encoded());
        }

        Path shardFolder = Files.createDirectories(folder.resolve("shards"));
        long postingBytes = 0;
        for (int i = 0; i < shards; i++) {
            String json = json(byShard.get(i));
            postingBytes += json.getBytes(StandardCharsets.UTF_8).length;
            Files.writeString(shardFolder.resolve(i + ".json"), json, StandardCharsets.UTF_8);
        }
        Path pageFolder = Files.createDirectories(folder.resolve("pages"));
        long fragmentBytes = 0;
        for (int id = 0; id < pages.size(); id++) {
            String json = json(fragment(pages.get(id)));
            fragmentBytes += json.getBytes(StandardCharsets.UTF_8).length;
            Files.writeString(pageFolder.resolve(id + ".json"), json, StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("meta.json"), json(meta(pages, shards)), StandardCharsets.UTF_8);
        return new Stats(pages.size(), shards, postingBytes, fragmentBytes);
    }

    private static Map<String, Object> fragment(Page page) {
        Map<String, Object> fragment = new LinkedHashMap<>();
        fragment.put("u", page.url());
        fragment.put("t", page.title());
        fragment.put("d", page.date().toString());
        fragment.put("w", page.week());
        fragment.put("g", page.tags());
        fragment.put("s", page.sections().stream().map(s -> List.of(s.id(), s.heading(), s.text())).toList());
        return fragment;
    }

    private static Map<String, Object> meta(List<Page> pages, int shards) {
        Map<String, List<Integer>> years = new LinkedHashMap<>();
        Map<String, IdList> tags = new TreeMap<>();
        for (int id = 0; id < pages.size(); id++) {
            String year = String.valueOf(pages.get(id).date().getYear());
            int pageId = id;
            years.computeIfAbsent(year, y -> new ArrayList<>(List.of(pageId, pageId))).set(1, id);
            for (String tag : pages.get(id).tags()) {
                tags.computeIfAbsent(tag, t -> new IdList()).add(id);
            }
        }
        Map<String, Object> tagPostings = new LinkedHashMap<>();
        tags.forEach((tag, ids) -> tagPostings.put(tag, ids.encoded()));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("v", 1);
        meta.put("shards", shards);
        meta.put("pages", pages.size());
        meta.put("years", years);
        meta.put("tags", tagPostings);
        return meta;
    }

    /** FNV-1a over the token's UTF-8 bytes: the same function is in search.js. */
    static int shardOf(String token, int shards) {
        int hash = 0x811c9dc5;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, shards);
    }

    /** Increasing page ids, written as base-36 gaps: "0,3,a" is pages 0, 3 and 13. */
    static final class IdList {
        private final StringBuilder encoded = new StringBuilder();
        private int last = -1;

        void add(int id) {
            if (id == last) {
                return;
            }
            if (encoded.length() > 0) {
                encoded.append(',');
            }
            encoded.append(Integer.toString(last < 0 ? id : id - last, 36));
            last = id;
        }

        String encoded() {
            return encoded.toString();
        }
    }
}
