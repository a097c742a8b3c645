package io.github.weeklyarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The shared tokenizer vectors; the browser test runs the same file through search.js. */
class TokenizerTest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> vectors() throws Exception {
        try (var in = new InputStreamReader(TokenizerTest.class.getResourceAsStream("/search/tokenizer-vectors.json"), StandardCharsets.UTF_8)) {
            return (List<Map<String, Object>>) new ObjectMapper().readValue(in, Object.class);
        }
    }

    @Test
    void everySharedVector() throws Exception {
        List<Map<String, Object>> vectors = vectors();
        assertTrue(vectors.size() >= 20);
        for (Map<String, Object> vector : vectors) {
            assertEquals(vector.get("tokens"), Tokenizer.tokens((String) vector.get("text")), () -> "for " + vector.get("text"));
        }
    }
}
