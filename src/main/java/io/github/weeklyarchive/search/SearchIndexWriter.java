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
 * Writes the search index the browser queries, with no server. The unit it indexes is a passage:
 * a week's title, or a run of a week's lines of at most {@link #PASSAGE_BYTES}, kept with the heading
 * of the section each line is in. Passages are numbered across the archive, a week's in order, so a
 * query fetches only the passages that may match, not whole pages.
 *
 * <pre>
 * search/meta.json      {"v": 3, "pages": N, "passages": P, "starts": ids, "shards": S, "words": [first word of each chunk],
 *                        "years": {"2023": [first, last]}, "tags": {"支付": ids}}
 * search/shards/K.json  "0成 ids 1功 ids …"          Han unigrams and bigrams, split into shards by hash
 * search/words/K.json   "0tokio ids 5rs ids …"      words in sorted order, split into chunks: a prefix is a range
 * search/weeks/W.json   {"u": url, "t": title, "d": date, "w": week}
 * search/passages/ID.json [[anchor, heading, text], …]  a piece of each section the passage holds lines of
 *                       (a title's passage has no file: it is the week's "t")
 * </pre>
 * "starts" lists each week's first passage (its title), so passage ids map to weeks; week ids are
 * positions in date order, oldest first, so a year is a range of ids. Id lists are written by {@link IdList};
 * a shard or chunk is one string, its tokens in order each front-coded by {@link #postingsText}.
 */
public final class SearchIndexWriter {

    /** Bytes of postings a shard or word chunk should hold, about: small enough that a query fetches little. */
    static final int TARGET_SHARD_BYTES = 2 * 1024;

    /** Bytes of text a passage holds at most, unless one line is longer: what a query fetches per week it shows. */
    static final int PASSAGE_BYTES = 2 * 1024;

    private SearchIndexWriter() {
    }

    /** One page to index. */
    public record Page(String url, String title, LocalDate date, String week, List<String> tags, List<Section> sections) {
        public Page {
            tags = List.copyOf(tags);
            sections = List.copyOf(sections);
        }
    }

    /** Some lines of a section, with its anchor and heading. */
    record Piece(String anchor, String heading, String text) {
        List<String> asList() {
            return List.of(anchor, heading, text);
        }
    }

    /** Pieces of one or more sections in a row; a week's title is a passage alone. */
    record Passage(List<Piece> pieces) {
        Passage {
            pieces = List.copyOf(pieces);
        }

        String indexed() {
            StringBuilder text = new StringBuilder();
            pieces.forEach(p -> text.append(p.heading()).append('\n').append(p.text()).append('\n'));
            return text.toString();
        }
    }

    /** What was written, for the benchmark: postings are shards, word chunks and meta; fragments are weeks and passages. */
    public record Stats(int pages, int passages, int shards, int wordChunks, long postingBytes, long fragmentBytes) {
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
        List<Passage> passages = new ArrayList<>();
        IdList starts = new IdList();
        Map<String, IdList> han = new HashMap<>();
        Map<String, IdList> words = new TreeMap<>();
        for (Page page : pages) {
            starts.add(passages.size());
            List<Passage> ofPage = new ArrayList<>();
            ofPage.add(new Passage(List.of(new Piece("", "", page.title()))));
            ofPage.addAll(passages(page.sections()));
            for (Passage passage : ofPage) {
                int id = passages.size();
                passages.add(passage);
                for (String token : new LinkedHashSet<>(Tokenizer.tokens(passage.indexed()))) {
                    (Tokenizer.isWordToken(token) ? words : han).computeIfAbsent(token, t -> new IdList()).add(id);
                }
            }
        }
        int total = passages.size();

        Map<String, String> hanEncoded = new LinkedHashMap<>(); // each list encoded once: to size the shards, then to fill them
        han.forEach((token, ids) -> hanEncoded.put(token, ids.encoded(total)));
        long hanBytes = hanEncoded.entrySet().stream().mapToLong(e -> e.getKey().length() * 3L + e.getValue().length() + 3).sum();
        int shards = shardCount(hanBytes);
        List<Map<String, String>> byShard = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            byShard.add(new TreeMap<>());
        }
        hanEncoded.forEach((token, ids) -> byShard.get(shardOf(token, shards)).put(token, ids));

        List<Map<String, String>> chunks = new ArrayList<>();
        List<String> firstWords = new ArrayList<>();
        long chunkBytes = TARGET_SHARD_BYTES;
        for (Map.Entry<String, IdList> e : words.entrySet()) {
            String ids = e.getValue().encoded(total);
            if (chunkBytes >= TARGET_SHARD_BYTES) {
                chunks.add(new LinkedHashMap<>());
                firstWords.add(e.getKey());
                chunkBytes = 0;
            }
            chunks.get(chunks.size() - 1).put(e.getKey(), ids);
            chunkBytes += e.getKey().length() + ids.length() + 3;
        }

        long postingBytes = writeAll(folder.resolve("shards"), byShard) + writeAll(folder.resolve("words"), chunks);
        String meta = json(meta(pages, total, starts, shards, firstWords));
        postingBytes += utf8(meta);
        Files.writeString(folder.resolve("meta.json"), meta, StandardCharsets.UTF_8);

        Path weekFolder = Files.createDirectories(folder.resolve("weeks"));
        long fragmentBytes = 0;
        for (int id = 0; id < pages.size(); id++) {
            Page page = pages.get(id);
            Map<String, Object> week = new LinkedHashMap<>();
            week.put("u", page.url());
            week.put("t", page.title());
            week.put("d", page.date().toString());
            week.put("w", page.week());
            String json = json(week);
            fragmentBytes += utf8(json);
            Files.writeString(weekFolder.resolve(id + ".json"), json, StandardCharsets.UTF_8);
        }
        Path passageFolder = Files.createDirectories(folder.resolve("passages"));
        List<Integer> titles = starts.ids();
        for (int id = 0, week = 0; id < total; id++) {
            if (week < titles.size() && titles.get(week) == id) {
                week++;
                continue;
            }
            String json = json(passages.get(id).pieces().stream().map(Piece::asList).toList());
            fragmentBytes += utf8(json);
            Files.writeString(passageFolder.resolve(id + ".json"), json, StandardCharsets.UTF_8);
        }
        return new Stats(pages.size(), total, shards, chunks.size(), postingBytes, fragmentBytes);
    }

    /**
     * A week's passages: its sections' lines in order, a new passage when the next line would take it
     * past {@link #PASSAGE_BYTES}. A heading with no text is a piece with no lines; a line longer than
     * that is a passage alone.
     */
    static List<Passage> passages(List<Section> sections) {
        List<Passage> passages = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        int bytes = 0;
        for (Section section : sections) {
            StringBuilder text = new StringBuilder();
            int headingBytes = utf8(section.heading()) + 1;
            for (String line : section.text().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int lineBytes = utf8(line) + 1;
                if (bytes > 0 && bytes + lineBytes + (text.length() == 0 ? headingBytes : 0) > PASSAGE_BYTES) {
                    if (text.length() > 0) {
                        pieces.add(new Piece(section.id(), section.heading(), text.toString()));
                        text.setLength(0);
                    }
                    passages.add(new Passage(pieces));
                    pieces.clear();
                    bytes = 0;
                }
                bytes += lineBytes + (text.length() == 0 ? headingBytes : 0);
                text.append(text.length() > 0 ? "\n" : "").append(line);
            }
            if (text.length() > 0 || !section.heading().isBlank()) {
                pieces.add(new Piece(section.id(), section.heading(), text.toString()));
                bytes += text.length() == 0 ? headingBytes : 0;
            }
        }
        if (!pieces.isEmpty()) {
            passages.add(new Passage(pieces));
        }
        return passages;
    }

    /** A power of two, so that a shard holds about {@link #TARGET_SHARD_BYTES}. */
    private static int shardCount(long bytes) {
        int shards = 1;
        while (shards < 65_536 && bytes / shards > TARGET_SHARD_BYTES) {
            shards *= 2;
        }
        return shards;
    }

    private static long writeAll(Path folder, List<Map<String, String>> files) throws IOException {
        Files.createDirectories(folder);
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            String json = json(postingsText(files.get(i)));
            bytes += utf8(json);
            Files.writeString(folder.resolve(i + ".json"), json, StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /**
     * Tokens and their id lists in one string, with no JSON key per token (which cost more than a rare
     * token's ids): for each token in order, how many leading characters (UTF-16 units, as in search.js)
     * it shares with the one before, as one base-36 digit, then the rest of it, a space, its ids, a
     * space. {@code tokio}, {@code tokiors} → {@code "0tokio E 5rs hJ"}. Tokens hold no space (they
     * are letters and digits, or Han), nor do id lists.
     */
    static String postingsText(Map<String, String> postings) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (Map.Entry<String, String> e : new TreeMap<>(postings).entrySet()) {
            String token = e.getKey();
            int shared = 0;
            while (shared < 35 && shared < previous.length() && shared < token.length() - 1
                    && previous.charAt(shared) == token.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(token.charAt(shared - 1))) {
                shared--; // never split a character outside the BMP: the rest must be valid text
            }
            out.append(out.length() > 0 ? " " : "").append(Character.forDigit(shared, 36)).append(token, shared, token.length())
                    .append(' ').append(e.getValue());
            previous = token;
        }
        return out.toString();
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Map<String, Object> meta(List<Page> pages, int passages, IdList starts, int shards, List<String> firstWords) {
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
        tags.forEach((tag, ids) -> tagPostings.put(tag, ids.encoded(pages.size())));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("v", 3); // 3: id lists in base 32, shards and chunks front-coded strings
        meta.put("pages", pages.size());
        meta.put("passages", passages);
        meta.put("starts", starts.encoded(passages));
        meta.put("shards", shards);
        meta.put("words", firstWords);
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

    /**
     * Increasing ids, written the shorter of two ways (search.js reads both), in base64url characters
     * with no separator, so that an id in few passages costs a character or two:
     * <ul>
     *   <li>gaps: the first id plus one, then each id minus the one before, every number in base 32
     *       with its last digit from the first half of the alphabet ({@code A}-{@code f}) and the
     *       others from the second ({@code g}-{@code _}); a {@code 0} ({@code A}) then a number
     *       {@code n} repeats the last gap {@code n} more times. {@code "EKAI"} is 3, 13, 23, … 93;</li>
     *   <li>a bitmap, {@code "~"} then six ids a character, lowest bit first: for ids in most passages.</li>
     * </ul>
     */
    static final class IdList {
        static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        private final List<Integer> ids = new ArrayList<>();

        void add(int id) {
            if (ids.isEmpty() || ids.get(ids.size() - 1) != id) {
                ids.add(id);
            }
        }

        List<Integer> ids() {
            return List.copyOf(ids);
        }

        /** {@code universe}: how many ids there are, for the bitmap. */
        String encoded(int universe) {
            String gaps = gaps();
            if (ids.isEmpty() || gaps.length() <= universe / 6 + 2) {
                return gaps;
            }
            char[] bitmap = new char[ids.get(ids.size() - 1) / 6 + 1];
            int[] values = new int[bitmap.length];
            for (int id : ids) {
                values[id / 6] |= 1 << (id % 6);
            }
            for (int i = 0; i < bitmap.length; i++) {
                bitmap[i] = BASE64URL.charAt(values[i]);
            }
            return "~" + new String(bitmap);
        }

        private String gaps() {
            StringBuilder out = new StringBuilder();
            int last = -1;
            int i = 0;
            while (i < ids.size()) {
                int gap = ids.get(i) - last;
                int run = 1;
                while (i + run < ids.size() && ids.get(i + run) - ids.get(i + run - 1) == gap) {
                    run++;
                }
                String written = number(gap);
                String repeats = written.repeat(run - 1);
                String marked = run > 1 ? "A" + number(run - 1) : "";
                out.append(written).append(marked.length() < repeats.length() ? marked : repeats);
                last = ids.get(i + run - 1);
                i += run;
            }
            return out.toString();
        }

        /** {@code n} in base 32, most significant digit first, the last one marked by coming from the first half. */
        static String number(int n) {
            StringBuilder digits = new StringBuilder().append(BASE64URL.charAt(n % 32));
            for (n /= 32; n > 0; n /= 32) {
                digits.append(BASE64URL.charAt(32 + n % 32));
            }
            return digits.reverse().toString();
        }
    }
}
