package io.github.weeklyarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The shared vectors, of five kinds: a text's tokens, a query's parts and look-ups, whether a part occurs in
 * a line, an id list as the index writes it, a shard or word chunk as the index writes it. The browser test runs the same file through search.js.
 */
class TokenizerTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> vectors() throws Exception {
        try (var in = new InputStreamReader(TokenizerTest.class.getResourceAsStream("/search/tokenizer-vectors.json"), StandardCharsets.UTF_8)) {
            return (List<Map<String, Object>>) new ObjectMapper().readValue(in, Object.class);
        }
    }

    static List<Map<String, Object>> vectors(String kind) throws Exception {
        return vectors().stream().filter(v -> v.containsKey(kind)).toList();
    }

    /** A query's parts as the vectors write them, to compare with search.js's too. */
    static List<Map<String, Object>> asVector(Query query) {
        return query.parts().stream().map(p -> Map.<String, Object>of("text", p.text(), "quoted", p.quoted(),
                "lookups", p.lookups().stream().map(l -> List.<Object>of(l.token(), l.prefix())).toList())).toList();
    }

    @Test
    void everyTokenVector() throws Exception {
        List<Map<String, Object>> vectors = vectors("text");
        assertTrue(vectors.size() >= 20);
        for (Map<String, Object> vector : vectors) {
            assertEquals(vector.get("tokens"), Tokenizer.tokens((String) vector.get("text")), () -> "for " + vector.get("text"));
        }
    }

    @Test
    void everyQueryVector() throws Exception {
        List<Map<String, Object>> vectors = vectors("query");
        assertTrue(vectors.size() >= 10);
        for (Map<String, Object> vector : vectors) {
            assertEquals(vector.get("parts"), asVector(Query.parse((String) vector.get("query"))), () -> "for " + vector.get("query"));
        }
    }

    @Test
    void everyOccurrenceVector() throws Exception {
        List<Map<String, Object>> vectors = vectors("part");
        assertTrue(vectors.size() >= 10);
        for (Map<String, Object> vector : vectors) {
            assertEquals(vector.get("occurs"), Query.occursIn((String) vector.get("part"), (String) vector.get("line")),
                    () -> vector.get("part") + " in " + vector.get("line"));
        }
    }
}
