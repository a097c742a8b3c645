package io.github.weeklyarchive.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * What HTML a report may put in a reader's browser: nothing in it ever runs. The whole rendered body
 * goes through {@link #clean}, so the same rules hold for Markdown links, autolinks, reference links
 * and images alike, whatever the Markdown renderer lets through.
 *
 * <ul>
 *   <li>Tags: formatting, structure and tables ({@link #TAGS}); anything else is dropped and its text kept.
 *       {@code script} and {@code style} go with their content, comments go entirely.</li>
 *   <li>Attributes: only those in {@link #ATTRIBUTES}; never {@code on*} handlers nor {@code style}.</li>
 *   <li>Links and image sources: {@code http:}, {@code https:}, {@code mailto:} (links only), relative
 *       addresses and {@code #anchors}, judged on the decoded address ({@link #isSafeUrl}). A link to
 *       anything else is shown as its text; an image as its alt text.</li>
 *   <li>An {@code iframe} or {@code embed} with an http(s) source becomes a plain link to that address.</li>
 * </ul>
 */
final class HtmlSanitizer {

    /** Elements a report may use; every other one is unwrapped (its text stays). */
    static final Set<String> TAGS = Set.of(
            // inline
            "a", "abbr", "b", "bdi", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd", "mark",
            "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "var", "wbr",
            // blocks
            "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
            "h6", "hr", "li", "ol", "p", "pre", "summary", "ul",
            // tables
            "caption", "col", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr");

    /** Attributes a tag may keep; values are checked further in {@link ReportSafelist#isSafeAttribute}. */
    static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("a", Set.of("href", "title")),
            Map.entry("img", Set.of("src", "alt", "title", "width", "height")),
            Map.entry("abbr", Set.of("title")),
            Map.entry("details", Set.of("open")),
            Map.entry("ol", Set.of("start")),
            Map.entry("td", Set.of("colspan", "rowspan", "align")),
            Map.entry("th", Set.of("colspan", "rowspan", "align")),
            Map.entry("col", Set.of("span")),
            Map.entry("colgroup", Set.of("span")),
            Map.entry("table", Set.of("class")),
            Map.entry("code", Set.of("class")),
            Map.entry("h1", Set.of("id")), Map.entry("h2", Set.of("id")), Map.entry("h3", Set.of("id")),
            Map.entry("h4", Set.of("id")), Map.entry("h5", Set.of("id")), Map.entry("h6", Set.of("id")));

    private static final Pattern NUMBER = Pattern.compile("\\d{1,5}%?");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|center|right");
    /** The classes our Markdown renderer writes: tables, and fenced code's language. */
    private static final Pattern CODE_CLASS = Pattern.compile("language-[\\w+#.-]{1,40}");
    private static final String TABLE_CLASS = "table";
    /** Enough of an address to see its scheme; a data: address can be megabytes long. */
    private static final int SCHEME_LOOKAHEAD = 64;

    private HtmlSanitizer() {
    }

    /**
     * The safe form of a rendered report body: what {@link HtmlSanitizer} allows, written as XHTML
     * ({@code <br />}) so it is also valid inside the feed.
     *
     * @param headingIds the anchor ids the parser gave the headings: the only {@code id}s kept, so
     *                   raw HTML cannot take the id of an element of the page around it
     */
    static String clean(String html, Set<String> headingIds) {
        Document clean = cleanDocument(html, headingIds);
        clean.outputSettings()
                .prettyPrint(false)
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8);
        return clean.body().html();
    }

    private static Document cleanDocument(String html, Set<String> headingIds) {
        Document dirty = Parser.parseBodyFragment(html, "");
        embedsToLinks(dirty.body());
        dirty.select("script, style, template").remove();
        Document clean = new Cleaner(new ReportSafelist(headingIds)).clean(dirty);
        for (Element link : clean.select("a:not([href])")) {
            link.unwrap(); // a link whose address was refused reads as its text
        }
        for (Element image : clean.select("img:not([src])")) {
            image.replaceWith(new TextNode(image.attr("alt")));
        }
        return clean;
    }

    /**
     * Whether a link or image address may be used: {@code http:}, {@code https:}, {@code mailto:},
     * or no scheme at all (relative, {@code #anchor}). Decided on the address as a browser reads
     * it: entities decoded, control characters and white space removed, case folded; anything
     * that looks like another scheme ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:}) is refused.
     */
    static boolean isSafeUrl(String url) {
        String decoded = Parser.unescapeEntities(url, true);
        StringBuilder normal = new StringBuilder(SCHEME_LOOKAHEAD);
        for (int i = 0; i < decoded.length() && normal.length() < SCHEME_LOOKAHEAD; ) {
            int cp = decoded.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isISOControl(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                    && Character.getType(cp) != Character.FORMAT) {
                normal.appendCodePoint(cp);
            }
        }
        String address = normal.toString().toLowerCase(Locale.ROOT);
        int colon = address.indexOf(':');
        if (colon < 0) {
            return true; // relative; a scheme would be longer than any that runs
        }
        int path = firstPathCharacter(address);
        if (path >= 0 && path < colon) {
            return true; // a colon after a slash, '?' or '#' is part of a relative address
        }
        String scheme = address.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    private static int firstPathCharacter(String address) {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** {@code <iframe src="https://…">} and {@code <embed src="https://…">}: a link to the address, else nothing. */
    private static void embedsToLinks(Element body) {
        for (Element embed : body.select("iframe, embed")) {
            String src = embed.attr("src").strip();
            String scheme = src.toLowerCase(Locale.ROOT);
            if ((scheme.startsWith("http://") || scheme.startsWith("https://")) && isSafeUrl(src)) {
                Element link = new Element("a").attr("href", src).text(src);
                embed.replaceWith(link);
            } else {
                embed.remove();
            }
        }
    }

    /** {@link #TAGS} and {@link #ATTRIBUTES}, with every address and class value checked. */
    private static final class ReportSafelist extends Safelist {

        private final Set<String> headingIds;

        ReportSafelist(Set<String> headingIds) {
            this.headingIds = headingIds;
            addTags(TAGS.toArray(String[]::new));
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            if (!ATTRIBUTES.getOrDefault(tagName, Set.of()).contains(key)) {
                return false;
            }
            String value = attribute.getValue();
            return switch (key) {
                case "href" -> isSafeUrl(value);
                case "src" -> isSafeUrl(value) && !value.strip().toLowerCase(Locale.ROOT).startsWith("mailto:");
                case "id" -> headingIds.contains(value);
                case "class" -> tagName.equals("table") ? value.equals(TABLE_CLASS) : CODE_CLASS.matcher(value).matches();
                case "width", "height", "colspan", "rowspan", "span", "start" -> NUMBER.matcher(value.strip()).matches();
                case "align" -> ALIGN.matcher(value.strip()).matches();
                default -> true;
            };
        }
    }
}
