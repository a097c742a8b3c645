package io.github.weeklyarchive.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * What HTML a report may put in a reader's browser. Migrated reports carry raw HTML ({@code <br />} in
 * tables, {@code <sup>}, embeds, comments): it is kept as formatting, never escaped into visible tags,
 * and nothing in it ever runs. Raw HTML reaches the renderer one Markdown node at a time through
 * {@link #defuse}; the whole rendered body then goes through {@link #clean}, so the same rules hold
 * for raw HTML, Markdown links, autolinks, reference links and images alike.
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

    private static final Safelist SAFELIST = new ReportSafelist();
    private static final Evaluator EMBEDS = QueryParser.parse("iframe, embed");
    private static final Evaluator SCRIPTS = QueryParser.parse("script, style");
    /**
     * What is mended after cleaning, found in one walk of the tree: links without an address, images without a
     * source, headings with an id, and pre blocks. Told apart by their tag, each is mended as its kind is, kinds in
     * this order; mending one (unwrapping a link, an image made text) makes or removes none of the others.
     */
    private static final Evaluator MENDED_AFTER_CLEANING = QueryParser.parse(
            "a:not([href]), img:not([src]), h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], pre");

    /** Raw HTML elements whose content is never shown: dropped with it. */
    private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style");
    /**
     * Raw HTML elements that make a browser (and jsoup) read everything after them as text or as
     * form content up to their end tag; one left open would swallow the rest of the report.
     * They are never kept, so only their tags are taken out and the text between them stays.
     */
    private static final Set<String> SWALLOWING = Set.of(
            "noembed", "noframes", "noscript", "optgroup", "option", "plaintext", "select", "template", "textarea", "title", "xmp");

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
        Document dirty = Parser.parseBodyFragment(html, "");
        boolean dropsElements = dirty.body().stream().anyMatch(e -> !TAGS.contains(e.normalName()) && !e.nameIs("body"));
        String clean = serialise(cleanDocument(dirty, headingIds));
        if (!dropsElements) {
            return clean;
        }
        // Unwrapping a dropped element can leave a shape a parser would not build (a table inside a paragraph,
        // once inside <math>): read the result once more, so the page is exactly what a browser will build from it.
        return serialise(cleanDocument(Parser.parseBodyFragment(clean, ""), headingIds));
    }

    private static String serialise(Document clean) {
        clean.outputSettings()
                .prettyPrint(false)
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8);
        return clean.body().html();
    }

    private static Document cleanDocument(Document dirty, Set<String> headingIds) {
        for (Element embed : dirty.select(EMBEDS)) {
            embedToLink(embed);
        }
        dirty.select(SCRIPTS).remove();
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        List<Element> links = new ArrayList<>();
        List<Element> images = new ArrayList<>();
        List<Element> headings = new ArrayList<>();
        List<Element> pres = new ArrayList<>();
        for (Element found : clean.select(MENDED_AFTER_CLEANING)) {
            switch (found.normalName()) {
                case "a" -> links.add(found);
                case "img" -> images.add(found);
                case "pre" -> pres.add(found);
                default -> headings.add(found);
            }
        }
        for (Element link : links) {
            link.unwrap(); // a link whose address was refused reads as its text
        }
        for (Element image : images) {
            image.replaceWith(new TextNode(image.attr("alt")));
        }
        for (Element heading : headings) {
            if (!headingIds.contains(heading.id())) {
                heading.removeAttr("id");
            }
        }
        for (Element pre : pres) {
            // A parser drops the line end right after <pre>: one the text starts with must be written twice.
            if (pre.childNodeSize() > 0 && pre.childNode(0) instanceof TextNode text && text.getWholeText().startsWith("\n")) {
                text.text("\n" + text.getWholeText());
            }
        }
        return clean;
    }

    /**
     * The text a reader sees of one raw HTML block: tags, comments and scripts gone, one line per
     * block element, cells separated by a space. For search and the metric extractors.
     */
    static String text(CharSequence rawHtml) {
        Document document = cleanDocument(Parser.parseBodyFragment(defuse(rawHtml), ""), Set.of());
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node.nameIs("br")) {
                    out.append('\n');
                } else if ((node.nameIs("td") || node.nameIs("th")) && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock() && !node.nameIs("td") && !node.nameIs("th")
                        && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }
        }, document.body());
        return out.toString().strip();
    }

    /**
     * One raw HTML node of the Markdown (a block, or one inline tag) without what must not reach the
     * page or would swallow what follows it: comments, {@code script}/{@code style} with their content
     * (to the end of the node when left open), the tags of {@link #SWALLOWING} elements, and
     * {@code iframe}s closed at once (their fallback text stays as text). Taken one node at a time,
     * so a stray tag in one paragraph cannot hide the paragraphs after it.
     */
    static String defuse(CharSequence rawHtml) {
        String raw = rawHtml.toString();
        if (raw.indexOf('<') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int lt = raw.indexOf('<', i);
            if (lt < 0) {
                out.append(raw, i, raw.length());
                break;
            }
            out.append(raw, i, lt);
            if (raw.startsWith("<!--", lt)) {
                i = commentEnd(raw, lt);
                continue;
            }
            TagToken tag = TagToken.at(raw, lt);
            if (tag == null) {
                out.append('<');
                i = lt + 1;
                continue;
            }
            if (DROPPED_WITH_CONTENT.contains(tag.name())) {
                i = tag.closing() ? tag.end() : endOfElement(raw, tag);
            } else if (SWALLOWING.contains(tag.name())) {
                i = tag.end();
            } else if (tag.name().equals("iframe")) {
                if (!tag.closing()) {
                    out.append(raw, lt, tag.end()).append("</iframe>");
                }
                i = tag.end();
            } else {
                out.append(raw, lt, tag.end());
                i = tag.end();
            }
        }
        return out.toString();
    }

    /**
     * Whether a link or image address may be used: {@code http:}, {@code https:}, {@code mailto:},
     * or no scheme at all (relative, {@code #anchor}). Decided on the address as a browser reads
     * it: entities decoded, control characters and white space removed, case folded; anything
     * that looks like another scheme ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:}) is refused.
     */
    static boolean isSafeUrl(String url) {
        // Safe however many times it is decoded: "&amp;#106;avascript:" is harmless as a browser reads it
        // (once), but a second reading would make it run; such an address is never a real link anyway.
        // Control and format characters go first, as a browser drops them: "&\u0001#106;" is "&#106;".
        String visible = url.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String once = Parser.unescapeEntities(visible, true);
        return isSafeDecoded(once) && isSafeDecoded(Parser.unescapeEntities(once, true));
    }

    private static boolean isSafeDecoded(String decoded) {
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

    /** {@code <iframe src="https://…">} or {@code <embed src="https://…">}: a link to the address, else nothing. */
    private static void embedToLink(Element embed) {
        String src = embed.attr("src").strip();
        String scheme = src.toLowerCase(Locale.ROOT);
        if ((scheme.startsWith("http://") || scheme.startsWith("https://")) && isSafeUrl(src)) {
            embed.replaceWith(new Element("a").attr("href", src).text(embedName(embed, src)));
        } else {
            embed.remove();
        }
    }

    /**
     * What the link that replaces an embed says: the embed's own title when it has one, else where it comes from
     * ({@code ▶ v.qq.com}): a player address such as {@code https://v.qq.com/txp/iframe/player.html?vid=r3135dmqctc}
     * tells a reader nothing.
     */
    private static String embedName(Element embed, String src) {
        String title = embed.attr("title").strip();
        if (!title.isEmpty()) {
            return title;
        }
        try {
            String host = java.net.URI.create(src).getHost();
            return host == null ? src : "▶ " + host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException notAnAddress) {
            return src;
        }
    }

    /** Offset after a comment starting at {@code start}, as HTML ends one ({@code <!-->} too); the end of the text if it never ends. */
    private static int commentEnd(String raw, int start) {
        if (raw.startsWith("<!-->", start)) {
            return start + 5;
        }
        if (raw.startsWith("<!--->", start)) {
            return start + 6;
        }
        int end = raw.indexOf("-->", start + 4);
        int bang = raw.indexOf("--!>", start + 4);
        if (bang >= 0 && (end < 0 || bang < end)) {
            return bang + 4;
        }
        return end < 0 ? raw.length() : end + 3;
    }

    /** Offset after the end tag closing {@code open}, or the end of the text. */
    private static int endOfElement(String raw, TagToken open) {
        for (int close = raw.indexOf("</", open.end()); close >= 0; close = raw.indexOf("</", close + 2)) {
            TagToken tag = TagToken.at(raw, close);
            if (tag != null && tag.name().equals(open.name())) {
                return tag.end();
            }
        }
        return raw.length();
    }

    /** The start and end tags of defused raw HTML, in order (comments and scripts are already gone). */
    static List<TagToken> tags(String defused) {
        List<TagToken> tags = new ArrayList<>();
        int i = defused.indexOf('<');
        while (i >= 0) {
            TagToken tag = TagToken.at(defused, i);
            tags.add(tag);
            i = defused.indexOf('<', tag == null ? i + 1 : tag.end());
        }
        tags.removeIf(java.util.Objects::isNull);
        return tags;
    }

    /** A start or end tag in raw HTML: its lower-case name and the offset after its {@code >}. */
    record TagToken(String name, boolean closing, int end) {

        /** The tag starting at {@code lt}, read as an HTML tokenizer does (quoted values may hold {@code >}), or null. */
        static TagToken at(String raw, int lt) {
            int i = lt + 1;
            boolean closing = i < raw.length() && raw.charAt(i) == '/';
            if (closing) {
                i++;
            }
            int nameStart = i;
            if (i >= raw.length() || !isAsciiLetter(raw.charAt(i))) {
                return null;
            }
            while (i < raw.length() && !isTagNameEnd(raw.charAt(i))) {
                i++;
            }
            String name = raw.substring(nameStart, i).toLowerCase(Locale.ROOT);
            boolean afterEquals = false;
            while (i < raw.length()) {
                char c = raw.charAt(i);
                if (c == '>') {
                    return new TagToken(name, closing, i + 1);
                }
                if (afterEquals && (c == '"' || c == '\'')) {
                    int close = raw.indexOf(c, i + 1);
                    if (close < 0) {
                        return new TagToken(name, closing, raw.length());
                    }
                    i = close + 1;
                    afterEquals = false;
                    continue;
                }
                if (c == '=') {
                    afterEquals = true;
                } else if (!Character.isWhitespace(c)) {
                    afterEquals = false;
                }
                i++;
            }
            return new TagToken(name, closing, raw.length());
        }

        private static boolean isAsciiLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        private static boolean isTagNameEnd(char c) {
            return c == '>' || c == '/' || Character.isWhitespace(c);
        }
    }

    /** {@link #TAGS} and {@link #ATTRIBUTES}, with every address and class value checked. Immutable once built. */
    private static final class ReportSafelist extends Safelist {

        ReportSafelist() {
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
                case "class" -> tagName.equals("table") ? value.equals(TABLE_CLASS) : CODE_CLASS.matcher(value).matches();
                case "width", "height", "colspan", "rowspan", "span", "start" -> NUMBER.matcher(value.strip()).matches();
                case "align" -> ALIGN.matcher(value.strip()).matches();
                default -> true; // alt, title, open; ids are checked against the headings after cleaning
            };
        }
    }
}
