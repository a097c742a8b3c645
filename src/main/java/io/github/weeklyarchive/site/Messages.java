package io.github.weeklyarchive.site;

import io.github.weeklyarchive.archive.Archive;
import io.github.weeklyarchive.archive.Week;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The interface text of a site in its language, one bundle for the templates ({@code t.KEY}) and for the
 * Java that writes text into pages and charts: {@code templates/messages_zh.properties} and
 * {@code messages_en.properties}, the site's own file of the same name overriding keys of the built-in one.
 *
 * @param language {@code zh} or {@code en}
 * @param text     every key with its text
 */
public record Messages(String language, Map<String, String> text) {

    public Messages {
        text = Map.copyOf(text);
    }

    /** The bundle of {@code language} (an unknown one falls back to Chinese) from the theme. */
    public static Messages of(String language, Theme theme) {
        String lang = language.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh";
        String name = "messages_" + lang + ".properties";
        Map<String, String> text = new TreeMap<>();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream("site/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the built-in theme is missing from the jar: rebuild it with ./mvnw package");
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), text);
            Path own = theme.templates().get(name);
            if (own != null) {
                try (Reader reader = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
                    read(reader, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Messages(lang, text);
    }

    private static void read(Reader reader, Map<String, String> into) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        properties.stringPropertyNames().forEach(key -> into.put(key, properties.getProperty(key)));
    }

    /** The text of {@code key}, with {@code {0}}, {@code {1}} replaced by {@code values}; the key itself if it is missing. */
    public String get(String key, Object... values) {
        String pattern = text.getOrDefault(key, key);
        if (values.length == 0) {
            return pattern;
        }
        String result = pattern;
        for (int i = 0; i < values.length; i++) {
            result = result.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return result;
    }

    /** {@code date} in this language, with the pattern the messages give under {@code formatKey} ({@code dateFormat}, {@code dayFormat}). */
    public String date(java.time.LocalDate date, String formatKey) {
        String pattern = get(formatKey);
        return date.format(FORMATS.computeIfAbsent(language + " " + pattern, k -> java.time.format.DateTimeFormatter.ofPattern(pattern,
                language.equals("en") ? Locale.ENGLISH : Locale.CHINESE)));
    }

    /** Formatters by language and pattern: a page of commitments or incidents formats hundreds of dates. */
    private static final Map<String, java.time.format.DateTimeFormatter> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The language a site's reports are written in, when {@code site.lang} does not say: English when its
     * Latin words outnumber its Chinese characters in the titles and text of the latest weeks. Words, not
     * letters, and addresses left out: a Chinese report full of RISC-V, GCC and links is still Chinese, and
     * an English one that names 上海 now and then is still English.
     */
    public static String languageOf(Archive archive) {
        long han = 0;
        long latinWords = 0;
        List<Week> weeks = archive.weeks();
        for (Week week : weeks.subList(Math.max(0, weeks.size() - 30), weeks.size())) {
            StringBuilder sample = new StringBuilder(week.report().title());
            week.report().sections().forEach(section -> sample.append(' ').append(section.heading()).append(' ').append(section.text()));
            String text = sample.length() > 4000 ? sample.substring(0, 4000) : sample.toString();
            for (String token : text.split("\\s+")) {
                if (token.contains("://") || token.startsWith("www.")) {
                    continue;
                }
                boolean inWord = false;
                for (int i = 0; i < token.length(); i++) {
                    char c = token.charAt(i);
                    boolean latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                        han++;
                    } else if (latin && !inWord) {
                        latinWords++;
                    }
                    inWord = latin;
                }
            }
        }
        return latinWords > han ? "en" : "zh";
    }
}
