package io.github.weeklyarchive.report;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a Markdown tree as a reader sees it: words without markup (raw HTML tags included), blocks on
 * their own lines.
 * flexmark's TextCollectingVisitor does the same but takes seconds on a megabyte-sized report.
 */
final class PlainText {

    /** Inline tags that break a line or a cell: {@code a<br />b} reads {@code a b}, not {@code ab}. */
    private static final Pattern BREAKING_TAG = Pattern.compile("(?i)</?(br|hr|p|div|li|tr|td|th)\\b");

    /** Marks, on the work stack, where a block's children end: the block's text ends its line. */
    private static final Object END_OF_BLOCK = new Object();

    private PlainText() {
    }

    /**
     * The text of the nodes of one finished tree, each read once however many readers ask: the outline reads a
     * heading or paragraph, then the sections (and, for list items, the outline itself again) read it too.
     * Only for a tree no longer changed.
     */
    static final class Cache {
        private final Map<Node, String> texts = new IdentityHashMap<>();

        String of(Node node) {
            String text = texts.get(node);
            if (text == null) {
                text = PlainText.of(node);
                texts.put(node, text);
            }
            return text;
        }
    }

    static String of(Node node) {
        StringBuilder out = new StringBuilder();
        // A loop over a stack, not recursion: no tree is too deep for it, whatever ReportParser lets through.
        Deque<Object> work = new ArrayDeque<>();
        work.push(node);
        while (!work.isEmpty()) {
            Object next = work.pop();
            if (next == END_OF_BLOCK) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            } else if (!appendLeaf((Node) next, out)) {
                Node parent = (Node) next;
                if (parent instanceof Block && !(parent instanceof TextBase)) {
                    work.push(END_OF_BLOCK);
                }
                for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
                    work.push(child);
                }
            }
        }
        return out.toString().strip();
    }

    /** Appends a node that is read whole; false for a node whose children are read instead. */
    private static boolean appendLeaf(Node node, StringBuilder out) {
        if (node instanceof Text) {
            // Text is unescaped (source "\\[ISSUE\\]" reads "[ISSUE]"); each is copied whole, not char by char
            String chars = node.getChars().toString();
            boolean escaped = chars.indexOf('\\') >= 0 || chars.indexOf('&') >= 0;
            out.append(escaped ? node.getChars().unescape() : chars); // unescaping is a regular expression: only when needed
            return true;
        }
        if (node instanceof HtmlInlineBase) {
            // A tag is markup and a comment is for the author, neither is text; a tag that breaks the line reads
            // as a space. Line ends inside either are kept, so the lines of a paragraph match those of the file.
            String tag = node.getChars().toString();
            out.append(node instanceof HtmlInline && BREAKING_TAG.matcher(tag).lookingAt() ? " " : "");
            tag.chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            return true;
        }
        if (node instanceof LinkRef ref && !ref.isDefined()) {
            out.append(ref.getChars().toString()); // "[长期]" with no link defined is just bracketed text
            return true;
        }
        if (node instanceof Code code) {
            out.append(code.getText().toString());
            return true;
        }
        if (node instanceof HtmlBlockBase) { // raw HTML and comment blocks: the text a reader sees of them
            out.append(HtmlSanitizer.text(node.getChars())).append('\n');
            return true;
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append('\n');
            return true;
        }
        return false;
    }
}
