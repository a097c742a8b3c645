package io.github.weeklyarchive.search;

import io.github.weeklyarchive.report.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes the search index the browser queries, with no server. The unit it indexes is a passage:
 * a run of a week's lines of at most {@link #PASSAGE_BYTES}, kept with the heading of the section
 * each line is in, or a week's title. Passages are numbered across the archive, a week's in order, so
 * a query fetches only the passages that may match, not whole pages. The titles are numbered last,
 * after every week's text: most words are never in a title, and their ids then stay smaller and
 * closer together (on This Week in Rust, a sixth of the passages are titles).
 *
 * <pre>
 * search/meta.json        {"v": 4, "pages": N, "passages": P, "starts": ids, "chunks": [where each chunk starts],
 *                          "years": {"2023": [first, last]}, "tags": {"支付": ids}}
 * search/postings/K.json  "!tokio E'rs hJ"   every token in sorted order, cut into chunks: a prefix is a range
 * search/weeks/W.json     {"u": url, "t": title, "d": date, "w": week}
 * search/passages/ID.json [[anchor, heading, text], …]  a piece of each section the passage holds lines of
 *                         (a title's passage, id {@code P - N + W} for week W, has no file: it is the week's "t")
 * </pre>
 * "starts" lists each week's first passage plus the week's number (a week may have no text, and the list
 * must increase), so passage ids map to weeks; week ids are positions in date order, oldest first, so a
 * year is a range of ids. Id lists are written by {@link IdList};
 * a chunk is one string, its tokens in order each front-coded by {@link #postingsText}.
 *
 * <p>A Han character's own list holds only the passages where no bigram begins with it (where it
 * stands alone or ends a run of Han): a one-character query reads the character and the bigrams it
 * begins, a range of the sorted tokens, and their union is every passage holding it. Most passages
 * holding a character hold a bigram it begins, so its own list is mostly empty.
 */
public final class SearchIndexWriter {

    /**
     * Bytes of postings a chunk holds at most, unless one token's list is longer: small enough that a query
     * fetches little (a Chinese word reads a chunk per bigram), large enough that the meta file listing the
     * chunks, which every query reads, stays small.
     */
    static final int TARGET_CHUNK_BYTES = 2 * 1024;

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
            int length = 0;
            for (Piece p : pieces) {
                length += p.heading().length() + p.text().length() + 2;
            }
            StringBuilder text = new StringBuilder(length);
            for (Piece p : pieces) {
                text.append(p.heading()).append('\n').append(p.text()).append('\n');
            }
            return text.toString();
        }
    }

    /** What was written, for the benchmark: postings are chunks and meta; fragments are weeks and passages. */
    public record Stats(int pages, int passages, int chunks, long postingBytes, long fragmentBytes) {
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
        List<Passage> passages = new ArrayList<>(); // the weeks' text in order; the titles come after them all
        IdList starts = new IdList();
        for (Page page : pages) {
            starts.add(passages.size() + starts.size());
            passages.addAll(passages(page.sections()));
        }
        int titles = passages.size();
        int total = titles + pages.size();
        Map<String, IdList> tokens = new HashMap<>();
        for (int id = 0; id < total; id++) {
            String indexed = id < titles ? passages.get(id).indexed() : pages.get(id - titles).title();
            int passage = id;
            // Ids arrive in increasing order: IdList.add ignores a token's repeats in the same passage.
            Tokenizer.forEachToken(indexed, false, token -> tokens.computeIfAbsent(token, t -> new IdList()).add(passage));
        }
        TreeMap<String, IdList> sorted = new TreeMap<>(tokens);
        keepOnlyLoneCharacters(sorted, total);

        List<Map<String, String>> chunks = new ArrayList<>();
        List<String> chunkKeys = new ArrayList<>();
        long chunkBytes = 0;
        String previous = "";
        for (Map.Entry<String, IdList> e : sorted.entrySet()) {
            String ids = e.getValue().encoded(total);
            int entryBytes = utf8(e.getKey()) + ids.length() + 2;
            if (chunks.isEmpty() || chunkBytes > 0 && chunkBytes + entryBytes > TARGET_CHUNK_BYTES) {
                chunks.add(new LinkedHashMap<>());
                chunkKeys.add(chunkKey(previous, e.getKey()));
                chunkBytes = 0;
            }
            chunks.get(chunks.size() - 1).put(e.getKey(), ids);
            chunkBytes += entryBytes;
            previous = e.getKey();
        }

        long postingBytes = writeAll(folder.resolve("postings"), chunks);
        String meta = json(meta(pages, total, starts, chunkKeys));
        postingBytes += writeFile(folder.resolve("meta.json"), meta);

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
            fragmentBytes += writeFile(weekFolder.resolve(id + ".json"), json);
        }
        Path passageFolder = Files.createDirectories(folder.resolve("passages"));
        for (int id = 0; id < titles; id++) {
            String json = json(passages.get(id).pieces().stream().map(Piece::asList).toList());
            fragmentBytes += writeFile(passageFolder.resolve(id + ".json"), json);
        }
        return new Stats(pages.size(), total, chunks.size(), postingBytes, fragmentBytes);
    }

    /**
     * Leaves in each Han character's list (the passages where it stands with no Han character after
     * it, at least once) only those where no bigram it begins occurs: the others are found through
     * those bigrams, which follow it in sorted order (a one-character query reads them as a prefix). A
     * character left with no passage is dropped.
     */
    static void keepOnlyLoneCharacters(TreeMap<String, IdList> sorted, int passages) {
        int[] coveredBy = new int[passages]; // the character (numbered from 1) whose bigrams last covered a passage
        int character = 0;
        for (var it = sorted.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, IdList> e = it.next();
            String token = e.getKey();
            if (Tokenizer.isWordToken(token) || token.codePointCount(0, token.length()) != 1) {
                continue;
            }
            character++;
            for (IdList bigram : sorted.subMap(token, false, token + Character.MAX_VALUE, false).values()) {
                for (int i = 0; i < bigram.size(); i++) {
                    coveredBy[bigram.get(i)] = character;
                }
            }
            IdList lone = new IdList();
            IdList all = e.getValue();
            for (int i = 0; i < all.size(); i++) {
                if (coveredBy[all.get(i)] != character) {
                    lone.add(all.get(i));
                }
            }
            if (lone.size() == 0) {
                it.remove();
            } else {
                e.setValue(lone);
            }
        }
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

    /**
     * What meta lists for a chunk: the shortest start of its first token that sorts after the last
     * token of the chunk before ({@code previous}), so every token of the chunk sorts at or after it and
     * every token before it sorts before it. search.js finds a token's chunk as the last whose key is at
     * or before it, and a prefix's as the following ones whose key is below the prefix followed by
     * U+FFFF. A character outside the BMP is never cut in two.
     */
    static String chunkKey(String previous, String first) {
        int shared = 0;
        while (shared < previous.length() && shared < first.length() && previous.charAt(shared) == first.charAt(shared)) {
            shared++;
        }
        int end = Math.min(first.length(), shared + 1);
        if (end < first.length() && Character.isHighSurrogate(first.charAt(end - 1))) {
            end++;
        }
        return first.substring(0, end);
    }

    private static long writeAll(Path folder, List<Map<String, String>> files) throws IOException {
        Files.createDirectories(folder);
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            String json = json(postingsText(files.get(i)));
            bytes += writeFile(folder.resolve(i + ".json"), json);
        }
        return bytes;
    }

    /**
     * What a token's first character says: how many leading characters (UTF-16 units, as in search.js)
     * it shares with the token before it, 0 to 25. None of these is a base64url character, {@code ~}
     * or {@code .}, which id lists are written in, so a token starts where its id list ends.
     */
    static final String SHARED = "!#$%&'()*+,/:;<=>?@[]^`{|}";

    /**
     * Tokens and their id lists in one string, with no JSON key per token (which cost more than a rare
     * token's ids): for each token in order, how many leading characters it shares with the one before,
     * as one character of {@link #SHARED}, then the rest of it, a space, its ids. {@code tokio},
     * {@code tokiors} → {@code "!tokio E'rs hJ"}. Tokens hold no space (they are letters and digits,
     * or Han), nor do id lists.
     */
    static String postingsText(Map<String, String> postings) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (Map.Entry<String, String> e : new TreeMap<>(postings).entrySet()) {
            String token = e.getKey();
            int shared = 0;
            while (shared < SHARED.length() - 1 && shared < previous.length() && shared < token.length() - 1
                    && previous.charAt(shared) == token.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(token.charAt(shared - 1))) {
                shared--; // never split a character outside the BMP: the rest must be valid text
            }
            out.append(SHARED.charAt(shared)).append(token, shared, token.length()).append(' ').append(e.getValue());
            previous = token;
        }
        return out.toString();
    }

    /** Writes {@code text} as UTF-8, encoded once; returns its bytes. */
    private static int writeFile(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    /** Bytes of {@code text} in UTF-8, counted without encoding it (a lone surrogate is written as one byte, {@code ?}). */
    static int utf8(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }

    private static Map<String, Object> meta(List<Page> pages, int passages, IdList starts, List<String> chunkKeys) {
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
        meta.put("v", 4); // 4: one sorted token list (a character holds only its lone passages), Rice-coded lists
        meta.put("pages", pages.size());
        meta.put("passages", passages);
        meta.put("starts", starts.encoded(passages));
        meta.put("chunks", chunkKeys);
        meta.put("years", years);
        meta.put("tags", tagPostings);
        return meta;
    }

    /**
     * Increasing ids, written the shortest of three ways (search.js reads all three), in base64url
     * characters, so that an id in few passages costs a character or two:
     * <ul>
     *   <li>gaps: the first id plus one, then each id minus the one before, every number in base 32
     *       with its last digit from the first half of the alphabet ({@code A}-{@code f}) and the
     *       others from the second ({@code g}-{@code _}); a {@code 0} ({@code A}) then a number
     *       {@code n} repeats the last gap {@code n} more times. {@code "EKAI"} is 3, 13, 23, … 93;</li>
     *   <li>Rice-coded gaps, for lists with gaps of similar size (a word in a tenth of the passages):
     *       {@code "."}, a character for {@code k}, then bits, six a character, lowest first: each gap
     *       {@code g} as {@code (g - 1) >> k} ones, a zero, and the {@code k} low bits of {@code g - 1},
     *       lowest first; the last character is filled with ones. A gap costs about {@code log2} of the
     *       mean gap plus 1.5 bits, not whole 5-bit digits;</li>
     *   <li>a bitmap, {@code "~"} then six ids a character, lowest bit first: for ids in most passages.</li>
     * </ul>
     */
    static final class IdList {
        static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        /** A larger {@code k} is never shorter than gaps: a gap of 2^16 is four base-32 digits. */
        private static final int MAX_RICE_K = 16;
        private int[] ids = new int[4];
        private int size;

        void add(int id) {
            if (size == 0 || ids[size - 1] != id) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = id;
            }
        }

        int size() {
            return size;
        }

        int get(int i) {
            return ids[i];
        }

        /** {@code universe}: how many ids there are, for the bitmap. */
        String encoded(int universe) {
            String best = gaps();
            if (size == 0) {
                return best;
            }
            int bitmapLength = ids[size - 1] / 6 + 2;
            int riceK = bestRiceK();
            long riceLength = 2 + (riceBits(riceK) + 5) / 6;
            if (bitmapLength < best.length() && bitmapLength <= riceLength) {
                return bitmap();
            }
            return riceLength < best.length() ? rice(riceK) : best;
        }

        private String bitmap() {
            char[] bitmap = new char[ids[size - 1] / 6 + 1];
            int[] values = new int[bitmap.length];
            for (int i = 0; i < size; i++) {
                values[ids[i] / 6] |= 1 << (ids[i] % 6);
            }
            for (int i = 0; i < bitmap.length; i++) {
                bitmap[i] = BASE64URL.charAt(values[i]);
            }
            return "~" + new String(bitmap);
        }

        /** Bits of the Rice code with parameter {@code k}, before filling the last character. */
        private long riceBits(int k) {
            long bits = 0;
            int last = -1;
            for (int i = 0; i < size; i++) {
                bits += ((ids[i] - last - 1) >> k) + 1 + k;
                last = ids[i];
            }
            return bits;
        }

        /** The best {@code k} is near log2 of the mean gap: only those around it are tried. */
        private int bestRiceK() {
            int near = 31 - Integer.numberOfLeadingZeros(Math.max(1, (ids[size - 1] + 1) / size));
            int best = Math.max(0, near - 2);
            for (int k = best + 1; k <= Math.min(MAX_RICE_K, near + 1); k++) {
                if (riceBits(k) < riceBits(best)) {
                    best = k;
                }
            }
            return best;
        }

        private String rice(int k) {
            StringBuilder out = new StringBuilder(".").append(BASE64URL.charAt(k));
            int value = 0;
            int filled = 0;
            int last = -1;
            for (int i = 0; i < size; i++) {
                int rest = ids[i] - last - 1;
                last = ids[i];
                for (int q = rest >> k; q >= 0; q--) {
                    value |= (q > 0 ? 1 : 0) << filled;
                    if (++filled == 6) {
                        out.append(BASE64URL.charAt(value));
                        value = 0;
                        filled = 0;
                    }
                }
                for (int b = 0; b < k; b++) {
                    value |= ((rest >> b) & 1) << filled;
                    if (++filled == 6) {
                        out.append(BASE64URL.charAt(value));
                        value = 0;
                        filled = 0;
                    }
                }
            }
            if (filled > 0) {
                out.append(BASE64URL.charAt(value | (0x3f << filled) & 0x3f)); // ones: an unfinished gap, read as the end
            }
            return out.toString();
        }

        private String gaps() {
            StringBuilder out = new StringBuilder();
            int last = -1;
            int i = 0;
            while (i < size) {
                int gap = ids[i] - last;
                int run = 1;
                while (i + run < size && ids[i + run] - ids[i + run - 1] == gap) {
                    run++;
                }
                String written = number(gap);
                String marked = run > 1 ? "A" + number(run - 1) : "";
                if (marked.length() < written.length() * (run - 1)) {
                    out.append(written).append(marked);
                } else {
                    for (int r = 0; r < run; r++) {
                        out.append(written);
                    }
                }
                last = ids[i + run - 1];
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
