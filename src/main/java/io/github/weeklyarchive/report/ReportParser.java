package io.github.weeklyarchive.report;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetbrains.annotations.NotNull;

/**
 * Turns the text of one weekly report into a {@link Report}. A pure function of its input:
 * no file system, no clock, so it is tested on strings and runs in parallel.
 *
 * <p>Metadata comes from front matter when present, otherwise from the report itself: the title is
 * the first heading, the date the one written in the title, then in the file name. It never comes
 * from a file's modification time (which every checkout changes) nor from a Notion
 * {@code Created:} stamp (which is the export time).
 */
public final class ReportParser {

    private static final Pattern WEEK_LABEL = Pattern.compile(
            "第\\s*[0-9０-９一二三四五六七八九十百]+\\s*[周期]|(?i)\\bweek\\s*\\d{1,2}\\b|\\bW\\d{1,2}\\b"
            // An issue's number as newsletters title it ("This week in Nushell #365", "老司机 iOS 周报 #274 | 2024-01-08").
            + "|(?<![\\w#&])#\\d{1,5}\\b");
    private static final Pattern EXPORT_STAMP = Pattern.compile("^Created:\\s*(.+)$");
    private static final Pattern RUNS_TO_ITS_END = Pattern.compile("\\s*(?:<(script|pre|style|textarea)(?=[\\s>]|$)|<!--)", Pattern.CASE_INSENSITIVE);
    /** How deep lists and quotes, and inline markup, may nest: far more than any report needs, well within a thread's stack. */
    static final int MAX_NESTING = 50;
    /** The stack a parse is retried on after a StackOverflowError: reserved, and only used as far as needed. */
    private static final long LARGE_STACK = 64L << 20;
    /** The years a chart's time axis can hold (JFreeChart's {@code Day} spans 1900 to 9999). */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;
    private static final DataKey<Map<Node, String>> HEADING_IDS = new DataKey<>("WEEKLY_ARCHIVE_HEADING_IDS", Map.of());
    /** A heading's anchor on GitHub to its id on our page, for the report's links to its own headings ({@link GitHubAnchors}). */
    private static final DataKey<Map<String, String>> GITHUB_ANCHORS = new DataKey<>("WEEKLY_ARCHIVE_GITHUB_ANCHORS", Map.of());

    private static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create()))
            // Reports are written line by line (Notion exports especially): a line break is meant as one.
            .set(HtmlRenderer.SOFT_BREAK, "<br />\n")
            // flexmark drops a javascript: image whole; HtmlSanitizer judges every address and keeps the alt text.
            .set(HtmlRenderer.SUPPRESSED_LINKS, "")
            .set(TablesExtension.CLASS_NAME, "table")
            // Heading ids are ours (HeadingIdAttributes); flexmark's own are never written (RENDER_HEADER_ID is off),
            // so it need not make one for every heading of the report before each render.
            .set(HtmlRenderer.GENERATE_HEADER_ID, false);
    static final Parser MARKDOWN = Parser.builder(OPTIONS).build();
    /**
     * The same parser without the autolink extension, for a body in which it cannot find a link (see
     * {@link #mayHoldAutolink}). Its post-processor has every node of the tree classified before it reads a
     * text node: 2.4% of the samples of a build of 1,000 generated weeks, 7.5% on a 20 MB report, where no
     * report writes an address.
     */
    static final Parser MARKDOWN_WITHOUT_AUTOLINKS = Parser.builder(new MutableDataSet(OPTIONS)
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create()))).build();
    /** Raw HTML is rendered through (never escaped into visible tags) and the result sanitised: see {@link HtmlSanitizer}. */
    static final HtmlRenderer HTML = HtmlRenderer.builder(OPTIONS)
            .attributeProviderFactory(new HeadingIdAttributes())
            .nodeRendererFactory(options -> new RawHtmlRenderer())
            .build();

    private ReportParser() {
    }

    /** Parses the bytes of a file: decoding problems (invalid UTF-8, BOM, CRLF) are reported like any other. */
    public static ParsedReport parse(String path, byte[] bytes) {
        return parse(path, bytes, Optional::empty);
    }

    /**
     * As {@link #parse(String, byte[])}, with the date of the commit that added the file: the last source
     * of a date, for reports that carry none of their own (asked for only then: reading history costs time).
     */
    public static ParsedReport parse(String path, byte[] bytes, Supplier<Optional<LocalDate>> committed) {
        return parse(path, SourceText.decode(path, bytes), committed);
    }

    /** As {@link #parse(String, byte[], Supplier)}, from the file's bytes already decoded (its decoding problems included). */
    public static ParsedReport parse(String path, SourceText source, Supplier<Optional<LocalDate>> committed) {
        return guarded(path, () -> {
            if (source.text().isEmpty()) {
                return ParsedReport.failed(source.problems());
            }
            ParsedReport parsed = parseText(path, source.text().get(), committed);
            List<Problem> problems = new ArrayList<>(source.problems());
            problems.addAll(parsed.problems());
            return new ParsedReport(parsed.report(), problems);
        });
    }

    /**
     * Parses the text of the report at {@code path} (relative to the source folder, used for the
     * file-name date and in messages). Never throws: bad input is reported, and so is a bug of ours.
     */
    public static ParsedReport parse(String path, String text) {
        return parse(path, text, Optional::empty);
    }

    /** As {@link #parse(String, String)}, with the date of the commit that added the file as the last source of a date. */
    public static ParsedReport parse(String path, String text, Supplier<Optional<LocalDate>> committed) {
        return guarded(path, () -> parseText(path, text, committed));
    }

    /**
     * Runs a parse so that nothing escapes it: one unreadable report must end in a {@code path:line: error}
     * like any other mistake, not in a stack trace that stops the whole build.
     */
    static ParsedReport guarded(String path, Supplier<ParsedReport> parse) {
        try {
            return parse.get();
        } catch (StackOverflowError e) {
            return onLargeStack(path, parse);
        } catch (RuntimeException e) {
            return internalError(path, e);
        }
    }

    /**
     * Some of flexmark's rules recurse once per character (a line of 4,000 {@code -} overflows a 1 MB stack,
     * 300 a 256 KB one). Nesting is bounded before rendering, but a long line is no mistake: the parse is run
     * again on a thread of its own with a large stack, so whether a report reads never depends on the
     * thread that asked.
     */
    private static ParsedReport onLargeStack(String path, Supplier<ParsedReport> parse) {
        ParsedReport[] result = new ParsedReport[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = parse.get();
            } catch (StackOverflowError e) {
                failure[0] = new IllegalStateException("stack overflow even with a " + (LARGE_STACK >> 20) + " MB stack", e);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "report-parser-large-stack", LARGE_STACK);
        try {
            thread.start();
            thread.join();
        } catch (OutOfMemoryError e) { // no memory left for the thread's stack
            return internalError(path, new IllegalStateException("no memory for a " + (LARGE_STACK >> 20) + " MB stack", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return internalError(path, new IllegalStateException("interrupted", e));
        }
        return result[0] != null ? result[0] : internalError(path, failure[0]);
    }

    private static ParsedReport internalError(String path, RuntimeException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : " (" + e.getMessage().lines().findFirst().orElse("").strip() + ")");
        return ParsedReport.failed(List.of(Problem.error(path, 1, "internal error while reading this report: " + what
                + "; this is a bug in Weekly Archive, please report it with this file. Until it is fixed, simplify the "
                + "markup you changed last (deep nesting, very long lines, unusual HTML)")));
    }

    private static ParsedReport parseText(String path, String source, Supplier<Optional<LocalDate>> committed) {
        List<Problem> problems = new ArrayList<>();
        PrivateBlocks.Result withoutPrivate = PrivateBlocks.strip(path, source);
        if (withoutPrivate.problem().isPresent()) {
            return ParsedReport.failed(List.of(withoutPrivate.problem().get()));
        }
        String text = withoutPrivate.text(); // from here on, nothing private is read
        if (text.isBlank()) {
            return ParsedReport.failed(List.of(Problem.error(path, 1,
                    "the file is empty; write a title line such as '# 第09周 2023-02-24' and the week's report, or delete the file")));
        }
        FrontMatter front = FrontMatter.split(path, text);
        if (front.error().isPresent()) {
            return ParsedReport.failed(List.of(front.error().get()));
        }
        Document document = parserFor(front.body()).parse(front.body());
        Optional<Problem> tooDeep = tooDeep(path, document, front.bodyLine());
        if (tooDeep.isPresent()) {
            return ParsedReport.failed(List.of(tooDeep.get()));
        }
        Optional<Heading> titleHeading = titleHeading(document);

        Optional<String> titleFromFront = front.get("title").map(String::valueOf).map(String::strip);
        Optional<String> titleWritten = titleFromFront.or(() -> titleHeading.map(ReportParser::plainText)).filter(t -> !t.isBlank());
        // Without a title of its own the report is titled, and maybe numbered, by its file name.
        Optional<NumberedName> named = titleWritten.isEmpty() ? Optional.of(NumberedName.of(baseName(path))) : Optional.empty();
        String title = titleWritten.orElseGet(() -> named.orElseThrow().title());

        Optional<Dated> dated = findDate(path, text, front, title, problems)
                .or(() -> noErrorYet(problems) ? committed.get().map(d -> new Dated(d, DateSource.GIT)) : Optional.empty());
        Optional<LocalDate> date = dated.map(Dated::date);
        if (date.isEmpty()) {
            if (problems.stream().noneMatch(Problem::isError)) {
                int line = titleHeading.map(h -> front.bodyLine() + h.getLineNumber()).orElse(1);
                // The example title in the report's own language: an English archive is shown an English one.
                boolean chinese = text.codePoints().limit(2_000).anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                problems.add(Problem.error(path, line, "no date found for this report; write it in the title "
                        + (chinese ? "('# 第09周 2023-02-24')" : "('# Week 9, 2023-02-24')") + ", in front matter ('date: 2023-02-24') or in the file name ('2023-02-24.md'), "
                        + "or commit the file to git, whose date of adding it is used then; "
                        + "if the file is not a report, move it out of content/ or list it in content.exclude in jbake.properties"));
            }
            return ParsedReport.failed(problems);
        }
        if (date.get().getYear() < FIRST_YEAR || date.get().getYear() > LAST_YEAR) {
            int line = front.get("date").isPresent() ? front.lineOf("date", text)
                    : titleHeading.map(h -> front.bodyLine() + h.getLineNumber()).orElse(1);
            problems.add(Problem.error(path, line, "the date " + date.get() + " is outside the years " + FIRST_YEAR + "-" + LAST_YEAR
                    + " that the charts can place; correct it, e.g. 2023-02-24"));
            return ParsedReport.failed(problems);
        }

        Optional<String> weekLabel = front.get("week").map(String::valueOf).map(String::strip)
                .or(() -> findWeekLabel(title))
                .or(() -> named.flatMap(NumberedName::label));
        List<String> tags = readTags(path, text, front, problems);
        boolean draft = front.get("draft").map(v -> Boolean.parseBoolean(String.valueOf(v))).orElse(false);

        // Before the title heading leaves the body: GitHub numbers repeated anchors counting it. Only for a report
        // that links to an anchor at all ("(#" or "]: #"): most do not, and every heading's text would be read twice.
        Map<Node, String> onGitHub = text.contains("(#") || text.contains(": #") ? gitHubAnchors(document) : Map.of();
        // The page template shows title, date and export stamp itself: take them out of the body.
        // The page shows the title itself: a first heading that is the title would show it twice.
        // The same title in other capitals is the same title ("This week in Nushell #365" over "# This Week in Nushell #365").
        if (titleFromFront.isEmpty() || titleHeading.map(h -> plainText(h).strip().equalsIgnoreCase(title.strip())).orElse(false)) {
            titleHeading.ifPresent(Node::unlink);
        }
        Optional<String> exportStamp = takeExportStamp(document);
        dropRepeatedTitles(document, date.get());
        List<Block> blocks = blocks(document);
        reportRawBlocksThatNeverEnd(path, blocks, front.bodyLine(), problems);

        List<io.github.weeklyarchive.report.Heading> headings = new ArrayList<>();
        Map<Node, String> ids = new IdentityHashMap<>();
        HeadingIds idMaker = new HeadingIds();
        for (Node node : blocks) {
            if (node instanceof Heading heading) {
                String headingText = plainText(heading);
                String id = idMaker.next(headingText);
                ids.put(heading, id);
                headings.add(new io.github.weeklyarchive.report.Heading(heading.getLevel(), headingText, id));
            }
        }
        document.set(HEADING_IDS, ids);
        document.set(GITHUB_ANCHORS, ourIdsOfGitHubAnchors(onGitHub, ids));
        RawHtmlRenderer.closeWhatIsLeftOpen(document);
        String html = HtmlSanitizer.clean(HTML.render(document), Set.copyOf(ids.values()));
        // The tree is final from here: the outline and the sections read the text of each node once between them.
        PlainText.Cache plainText = new PlainText.Cache();
        Outline.Result outline = Outline.of(document, front.bodyLine() - 1, plainText, ids);

        Report report = new Report(path, title, date.get(), weekLabel, tags, draft, exportStamp, headings, html,
                outline.lines(), outline.rows(), sections(document, ids, plainText), dated.get().source());
        return new ParsedReport(Optional.of(report), problems);
    }

    /** The full parser when {@code body} may hold a link to make of bare text, else the one without autolinks. */
    static Parser parserFor(String body) {
        return mayHoldAutolink(body) ? MARKDOWN : MARKDOWN_WITHOUT_AUTOLINKS;
    }

    /**
     * Whether the autolink extension could make a link in {@code body}. It makes one only of a {@code ://} (a URL
     * or a bare scheme), a {@code www.} or an e-mail's {@code @}, in a text node's characters after backslash escapes
     * and entities are decoded: so a body with none of these, and no {@code \} or {@code &} that could spell one,
     * parses to the same tree without it ({@code ReportFuzzTest} checks this on generated Markdown).
     */
    static boolean mayHoldAutolink(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '@' || c == '&' || c == '\\'
                    || c == ':' && body.startsWith("//", i + 1)
                    || (c == 'w' || c == 'W') && body.regionMatches(true, i, "www.", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** The body cut at each heading: the text under a heading belongs to it until the next one. */
    private static List<Section> sections(Document document, Map<Node, String> ids, PlainText.Cache plainText) {
        List<Section> sections = new ArrayList<>();
        String id = "";
        String heading = "";
        StringBuilder text = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                if (!text.toString().isBlank() || !id.isEmpty()) {
                    sections.add(new Section(id, heading, text.toString().strip()));
                }
                id = ids.getOrDefault(h, "");
                heading = plainText.of(h);
                text.setLength(0);
            } else {
                text.append(plainText.of(node)).append('\n');
            }
        }
        if (!text.toString().isBlank() || !id.isEmpty()) {
            sections.add(new Section(id, heading, text.toString().strip()));
        }
        return sections;
    }

    /** A date and where it was read. */
    private record Dated(LocalDate date, DateSource source) {
    }

    private static Optional<Dated> findDate(String path, String text, FrontMatter front, String title, List<Problem> problems) {
        Optional<Object> written = front.get("date");
        if (written.isPresent()) {
            Object value = written.get();
            if (value instanceof Date d) {
                // YAML reads an unquoted 2023-02-24 as a timestamp at UTC midnight, counted in the calendar
                // java.util.Date uses (Julian before 1582): read the day back in that same calendar.
                Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
                calendar.setTime(d);
                int year = calendar.get(Calendar.ERA) == java.util.GregorianCalendar.BC ? 1 - calendar.get(Calendar.YEAR) : calendar.get(Calendar.YEAR);
                return Optional.of(new Dated(LocalDate.of(year, calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DAY_OF_MONTH)),
                        DateSource.FRONT_MATTER));
            }
            DateFinder.Found found = DateFinder.inText(String.valueOf(value));
            if (found.date().isPresent()) {
                return found.date().map(d -> new Dated(d, DateSource.FRONT_MATTER));
            }
            problems.add(Problem.error(path, front.lineOf("date", text),
                    "front matter date '" + value + "' is not a date; write it as date: 2023-02-24"));
            return Optional.empty();
        }
        DateFinder.Found inTitle = DateFinder.inText(title);
        if (inTitle.date().isPresent()) {
            return inTitle.date().map(d -> new Dated(d, DateSource.TITLE));
        }
        DateFinder.Found inName = DateFinder.inFileName(baseName(path));
        if (inName.date().isPresent()) {
            return inName.date().map(d -> new Dated(d, DateSource.FILE_NAME));
        }
        Optional<String> invalid = inTitle.invalid().or(inName::invalid);
        invalid.ifPresent(bad -> problems.add(Problem.error(path, front.bodyLine(),
                "'" + bad + "' is not a real date; correct it, e.g. 2023-02-24")));
        return Optional.empty();
    }

    private static boolean noErrorYet(List<Problem> problems) {
        return problems.stream().noneMatch(Problem::isError);
    }

    private static Optional<String> findWeekLabel(String title) {
        Matcher m = WEEK_LABEL.matcher(title);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static List<String> readTags(String path, String text, FrontMatter front, List<Problem> problems) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : front.get("tags").map(FrontMatter::asList).orElse(List.of())) {
            // "café" typed on one machine and pasted from another may differ in bytes only: one tag, stored composed.
            String clean = Normalizer.normalize(tag, Normalizer.Form.NFC).strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.contains("/") || clean.contains("\\")) {
                problems.add(Problem.warning(path, front.lineOf("tags", text),
                        "tag '" + clean + "' contains a slash, which a tag page's address cannot hold; it was written as '"
                                + clean.replaceAll("[/\\\\]", "-") + "'"));
                clean = clean.replaceAll("[/\\\\]", "-");
            }
            tags.add(clean);
        }
        return List.copyOf(tags);
    }

    /**
     * The heading that is the report's title: the first heading, when it is of level 1, opens the report, or
     * stands above every heading after it. A first heading that is one section among equals ({@code ## 潮流工具}
     * then {@code ## 随便看看}, after a cover image) is no title: taking it as one would also take it out of the
     * body. Such a report is titled by its file name.
     */
    private static Optional<Heading> titleHeading(Document document) {
        Heading first = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof Heading heading)) {
                continue;
            }
            if (first == null) {
                if (heading.getLevel() == 1 || node == document.getFirstChild()) {
                    return Optional.of(heading);
                }
                first = heading;
            } else if (heading.getLevel() <= first.getLevel()) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(first);
    }


    /**
     * In Markdown a comment, or a raw {@code <script>}, {@code <style>}, {@code <textarea>} or {@code <pre>}
     * block, runs to its end; without one it takes in the rest of the report (or of its list item), which
     * then vanishes or shows as HTML.
     */
    private static void reportRawBlocksThatNeverEnd(String path, List<Block> blocks, int bodyLine, List<Problem> problems) {
        for (Node node : blocks) {
            if (node instanceof HtmlBlockBase block) {
                String chars = block.getChars().toString();
                Matcher m = RUNS_TO_ITS_END.matcher(chars);
                if (!m.lookingAt()) {
                    continue;
                }
                String name = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
                String opening = name == null ? "<!--" : "<" + name + ">";
                String end = name == null ? "-->" : "</" + name + ">";
                boolean ended = name == null ? chars.indexOf(end, m.end()) >= 0 : endTagAfter(chars, name, m.end());
                if (!ended) {
                    problems.add(Problem.warning(path, bodyLine + block.getLineNumber(), opening + " starts a raw HTML block that is "
                            + "never closed, so everything after it is read as HTML, not Markdown; write " + end + " where it should end"));
                }
            }
        }
    }

    /**
     * The block nodes of {@code document} (headings, raw HTML blocks, paragraphs, lists…) in the order of
     * {@link Node#getDescendants}, without the inline nodes inside them: no inline node holds a block, and a long report
     * has millions of inline nodes that the readers of headings and HTML blocks need not visit.
     */
    private static List<Block> blocks(Document document) {
        List<Block> blocks = new ArrayList<>();
        Deque<Node> work = new ArrayDeque<>();
        work.push(document);
        while (!work.isEmpty()) {
            Node node = work.pop();
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                if (child instanceof Block block) {
                    work.push(block);
                }
            }
            if (node != document) {
                blocks.add((Block) node);
            }
        }
        return blocks;
    }

    private record Depth(Node node, int blocks, int inline) {
    }

    /**
     * The first place where lists and quotes, or emphasis, links and images, nest deeper than
     * {@link #MAX_NESTING}. Rendering and reading the tree recurse once per level: no report needs
     * fifty, and a fuzzed or broken one must end in an error at its line, not in a StackOverflowError.
     */
    private static Optional<Problem> tooDeep(String path, Document document, int bodyLine) {
        Deque<Depth> work = new ArrayDeque<>();
        work.push(new Depth(document, 0, 0));
        while (!work.isEmpty()) {
            Depth parent = work.pop();
            for (Node child = parent.node().getFirstChild(); child != null; child = child.getNext()) {
                int blocks = parent.blocks() + (child instanceof ListBlock || child instanceof BlockQuote ? 1 : 0);
                int inline = parent.inline() + (!(child instanceof Block) && child.hasChildren() ? 1 : 0);
                if (blocks > MAX_NESTING) {
                    return Optional.of(Problem.error(path, bodyLine + child.getLineNumber(), "lists and block quotes are nested more than "
                            + MAX_NESTING + " levels deep here; at most " + MAX_NESTING + " levels are read: indent this line less, "
                            + "or end the quotes ('>') sooner"));
                }
                if (inline > MAX_NESTING) {
                    return Optional.of(Problem.error(path, bodyLine + child.getLineNumber(), "emphasis, strikethrough, links or images are "
                            + "nested more than " + MAX_NESTING + " levels deep here; at most " + MAX_NESTING + " levels are read: "
                            + "remove the extra markers (*, _, ~~, [, ![)"));
                }
                if (child.hasChildren()) {
                    work.push(new Depth(child, blocks, inline));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean endTagAfter(String chars, String name, int from) {
        for (int close = chars.indexOf("</", from); close >= 0; close = chars.indexOf("</", close + 2)) {
            if (chars.regionMatches(true, close + 2, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    /** A {@code Created: 2023年11月29日 20:58} line near the top, as Notion exports write it. */
    private static Optional<String> takeExportStamp(Document document) {
        int blocks = 0;
        for (Node node = document.getFirstChild(); node != null && blocks < 4; node = node.getNext(), blocks++) {
            if (node instanceof Paragraph paragraph) {
                Matcher m = EXPORT_STAMP.matcher(plainText(paragraph).strip());
                if (m.matches()) {
                    paragraph.unlink();
                    return Optional.of(m.group(1).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** Exports often repeat the title line (`# 第09周 2023/02/24`) before the first section. */
    private static void dropRepeatedTitles(Document document, LocalDate date) {
        Node node = document.getFirstChild();
        while (node instanceof Heading heading && heading.getLevel() == 1
                && DateFinder.inText(plainText(heading)).date().filter(date::equals).isPresent()) {
            Node next = node.getNext();
            node.unlink();
            node = next;
        }
    }

    private static String plainText(Node node) {
        return PlainText.of(node);
    }

    private static String baseName(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The anchor GitHub gives each heading of {@code document}, in its order (see {@link GitHubAnchors}). */
    private static Map<Node, String> gitHubAnchors(Document document) {
        Map<Node, String> anchors = new IdentityHashMap<>();
        GitHubAnchors gitHub = new GitHubAnchors();
        for (Block block : blocks(document)) {
            if (block instanceof Heading heading) {
                anchors.put(heading, gitHub.next(plainText(heading)));
            }
        }
        return anchors;
    }

    /** Each GitHub anchor that is not also one of our ids, to our id of the same heading (headings still in the body). */
    private static Map<String, String> ourIdsOfGitHubAnchors(Map<Node, String> onGitHub, Map<Node, String> ids) {
        Map<String, String> ours = new HashMap<>();
        Set<String> idsWeGive = Set.copyOf(ids.values());
        ids.forEach((heading, id) -> {
            String anchor = onGitHub.get(heading);
            if (anchor != null && !idsWeGive.contains(anchor)) {
                ours.put(anchor, id);
            }
        });
        return ours;
    }

    /**
     * Our heading ids, and a link to a heading of the same report by its GitHub anchor sent to our id of it (the
     * address is compared as written and percent-decoded: {@code #-javascriptcore-与-promise} or its escaped form).
     */
    private static final class HeadingIdAttributes extends IndependentAttributeProviderFactory {
        @Override
        public @NotNull AttributeProvider apply(@NotNull LinkResolverContext context) {
            Map<Node, String> ids = HEADING_IDS.get(context.getDocument());
            Map<String, String> gitHubAnchors = GITHUB_ANCHORS.get(context.getDocument());
            return (Node node, AttributablePart part, MutableAttributes attributes) -> {
                if (node instanceof Heading && part == AttributablePart.NODE && ids.containsKey(node)) {
                    attributes.replaceValue("id", ids.get(node));
                } else if (part == AttributablePart.LINK && !gitHubAnchors.isEmpty()) { // [text](#a) and [text][ref] alike
                    String href = attributes.getValue("href");
                    if (href.startsWith("#")) {
                        String ours = gitHubAnchors.get(LocalAddress.percentDecoded(href.substring(1)));
                        if (ours != null) {
                            attributes.replaceValue("href", "#" + ours);
                        }
                    }
                }
            };
        }
    }
}
