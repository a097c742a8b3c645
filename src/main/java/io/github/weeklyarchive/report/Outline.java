package io.github.weeklyarchive.report;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a parsed report into lines that know their section: the headings above them, and the
 * items or labels that introduce their list. Reports nest numbers under labels in three ways,
 * all of which this recognises as a parent:
 * <ul>
 *   <li>a heading: {@code ## 【系统运行数据】};</li>
 *   <li>a parent list item: {@code - 账户1.x链路迁移：} with items indented below it;</li>
 *   <li>a line ending in a colon just before a list: the paragraph {@code 成功率：}, or the last item
 *       of the list before ({@code 3. 生产稳定性事件：} followed by a bullet list).</li>
 * </ul>
 */
final class Outline {

    /**
     * A numbered paragraph with a bracketed tag inside a list item, {@code 1.【Hive迁移】TOB商户账单，总计12个}:
     * a topic for the paragraphs after it, as a heading would be.
     */
    private static final Pattern NUMBERED_TOPIC =
            Pattern.compile("^\\d+\\s*+[.、．]?\\s*+[【\\[][^】\\]]*+[】\\]]\\s*+(.+)"); // possessive: no backtracking over long runs of spaces

    private static final Pattern CLAUSE_END = Pattern.compile("[，,；;。]");
    private static final Pattern BRACKETED = Pattern.compile("^[【\\[](.*)[】\\]]$");
    /** Trimmed from the end of a label; by a loop, as a regular expression backtracks over every space of a long run. */
    private static final String TRAILING_PUNCTUATION = "：:，,；;。 \t\n\u000B\f\r";

    private final int lineOffset;
    /** Start offset of every line of the parsed text: flexmark's own line lookup scans from the start each time. */
    private final int[] lineStarts;
    private final List<SourceLine> lines = new ArrayList<>();
    private final List<io.github.weeklyarchive.report.TableRow> rows = new ArrayList<>();
    private final String[] headings = new String[7];
    /** The page id of each heading in {@link #headings}, so a line links to the very heading it sits under, repeated or not. */
    private final String[] headingIds = new String[7];
    private final Map<Node, String> ids;
    private int nextItem;
    private final Set<Integer> itemsWithLines = new HashSet<>();
    private final PlainText.Cache text;
    /** The section of the lines added last, shared by the next paragraph's lines when theirs is equal. */
    private List<String> lastSection = List.of();

    private Outline(int lineOffset, CharSequence source, PlainText.Cache text, Map<Node, String> ids) {
        this.lineOffset = lineOffset;
        this.text = text;
        this.ids = ids;
        // An int per line, not a boxed Integer: a 20 MB report has 400,000 lines.
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** 0-based line of an offset in the parsed text. */
    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    record Result(List<SourceLine> lines, List<io.github.weeklyarchive.report.TableRow> rows) {
    }

    /**
     * @param lineOffset the source line on which the parsed text starts, minus one (front matter)
     * @param text       the plain text of the tree's nodes, shared with the other readers of the same tree
     * @param ids        the id each heading has on the page
     */
    static Result of(Node document, int lineOffset, PlainText.Cache text, Map<Node, String> ids) {
        Outline outline = new Outline(lineOffset, document.getChars(), text, ids);
        outline.visitChildren(document, List.of());
        return new Result(List.copyOf(outline.lines), List.copyOf(outline.rows));
    }

    /** Recursive, once per list or quote level: ReportParser refuses a tree deeper than {@link ReportParser#MAX_NESTING}. */
    private void visitChildren(Node parent, List<String> context) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            visit(node, context);
        }
    }

    private void visit(Node node, List<String> context) {
        if (node instanceof Heading heading) {
            headings[heading.getLevel()] = clean(text.of(heading));
            headingIds[heading.getLevel()] = ids.getOrDefault(heading, "");
            for (int level = heading.getLevel() + 1; level < headings.length; level++) {
                headings[level] = null;
                headingIds[level] = null;
            }
        } else if (node instanceof Paragraph paragraph) {
            addLines(paragraph, context, -1);
        } else if (node instanceof ListBlock list) {
            visitList(list, withLabel(context, introducer(list)));
        } else if (node instanceof TableBlock table) {
            addTable(table, context);
        } else {
            visitChildren(node, context);
        }
    }

    private void visitList(ListBlock list, List<String> context) {
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof ListItem item)) {
                continue;
            }
            int id = nextItem++;
            String label = null;
            List<String> partContext = context;
            for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
                if (part instanceof Paragraph paragraph) {
                    Matcher numbered = NUMBERED_TOPIC.matcher(text.of(paragraph));
                    if (label != null && numbered.find()) {
                        partContext = withLabel(context, Optional.of(clean(CLAUSE_END.split(numbered.group(1), 2)[0])));
                    }
                    List<SourceLine> added = addLines(paragraph, partContext, id);
                    if (label == null && !added.isEmpty()) {
                        label = clean(added.get(0).text());
                    }
                } else if (part instanceof ListBlock nested) {
                    // The item's own first line is the nested list's label; a later colon line inside the item adds to it.
                    // (Shortened only here: most items have no nested list.)
                    String parentLabel = shorten(label);
                    Optional<String> inner = introducer(nested).filter(text -> !text.equals(parentLabel));
                    visitList(nested, withLabel(withLabel(context, Optional.ofNullable(parentLabel)), inner));
                } else {
                    visit(part, context);
                }
            }
        }
    }

    /** The label a list hangs from when it is not nested: a colon-ended line just before it. */
    private Optional<String> introducer(ListBlock list) {
        Node previous = list.getPrevious();
        if (previous instanceof Paragraph paragraph) {
            String paragraphText = text.of(paragraph);
            String lastLine = paragraphText.substring(paragraphText.lastIndexOf('\n') + 1);
            if (endsWithColon(lastLine)) {
                return Optional.of(clean(lastLine));
            }
        } else if (previous instanceof ListBlock before && before.getLastChild() instanceof ListItem last
                && !(last.getLastChild() instanceof ListBlock)) {
            String itemText = text.of(last);
            if (endsWithColon(itemText) && !itemText.contains("\n")) {
                return Optional.of(clean(itemText));
            }
        }
        return Optional.empty();
    }

    private List<SourceLine> addLines(Paragraph paragraph, List<String> context, int item) {
        String[] texts = text.of(paragraph).split("\n");
        int first = lineOffset + lineOf(paragraph.getStartOffset()) + 1;
        List<String> section = section(context);
        int headingCount = section.size() - context.size();
        String headingId = headingId();
        // One list for the lines of a run of paragraphs under the same headings and labels: less to hold, and the
        // extractors judge a section once per run of lines that share it.
        section = section.equals(lastSection) ? lastSection : List.copyOf(section);
        lastSection = section;
        List<SourceLine> added = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i].strip();
            if (!text.isEmpty()) {
                boolean itemStart = item >= 0 && itemsWithLines.add(item);
                added.add(new SourceLine(first + i, text, section, item, itemStart, headingCount, headingId));
            }
        }
        lines.addAll(added);
        return added;
    }

    private void addTable(TableBlock table, List<String> context) {
        List<String> header = List.of();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow tableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = tableRow.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(text.of(cell).strip());
                    }
                }
                if (part instanceof TableHead) {
                    header = cells;
                } else if (part instanceof TableBody) {
                    rows.add(new io.github.weeklyarchive.report.TableRow(lineOffset + lineOf(row.getStartOffset()) + 1, header, cells, section(context)));
                }
            }
        }
    }

    /** The id of the heading {@link #section} ends its headings with: the deepest one above the line. */
    private String headingId() {
        for (int level = headings.length - 1; level >= 1; level--) {
            if (headings[level] != null) {
                return headingIds[level];
            }
        }
        return "";
    }

    /** Headings from level 2 down (level 1 is usually a bucket such as 上周进展), then the list context. */
    private List<String> section(List<String> context) {
        List<String> section = new ArrayList<>();
        for (int level = 2; level < headings.length; level++) {
            if (headings[level] != null) {
                section.add(headings[level]);
            }
        }
        if (section.isEmpty() && headings[1] != null) {
            section.add(headings[1]);
        }
        section.addAll(context);
        return section;
    }

    private static List<String> withLabel(List<String> context, Optional<String> label) {
        if (label.isEmpty() || label.get().isEmpty()) {
            return context;
        }
        List<String> extended = new ArrayList<>(context);
        extended.add(label.get());
        return List.copyOf(extended);
    }

    /** A parent item that is a whole sentence names its children by its first clause, at most 24 characters. */
    private static String shorten(String label) {
        if (label == null || label.length() <= 24) {
            return label;
        }
        String clause = CLAUSE_END.split(label, 2)[0];
        return clause.length() <= 24 ? clause : clause.substring(0, 23) + "…";
    }

    private static boolean endsWithColon(String text) {
        String t = text.strip();
        return t.endsWith("：") || t.endsWith(":");
    }

    /** {@code 【系统运行数据】} → {@code 系统运行数据}; {@code 账户1.x链路迁移：} → {@code 账户1.x链路迁移}. */
    static String clean(String text) {
        String unbracketed = BRACKETED.matcher(text.strip()).replaceAll("$1");
        int end = unbracketed.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(unbracketed.charAt(end - 1)) >= 0) {
            end--;
        }
        return unbracketed.substring(0, end).strip();
    }
}
