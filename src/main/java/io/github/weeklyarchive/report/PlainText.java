package io.github.weeklyarchive.report;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The text of a Markdown tree as a reader sees it: words without markup, blocks on their own lines.
 * flexmark's TextCollectingVisitor does the same but takes seconds on a megabyte-sized report.
 */
final class PlainText {

    private PlainText() {
    }

    static String of(Node node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString().strip();
    }

    private static void append(Node node, StringBuilder out) {
        if (node instanceof Text || node instanceof HtmlInline) {
            // Text is unescaped (source "\\[ISSUE\\]" reads "[ISSUE]"); each is copied whole, not char by char
            String chars = node.getChars().toString();
            boolean escaped = node instanceof Text && (chars.indexOf('\\') >= 0 || chars.indexOf('&') >= 0);
            out.append(escaped ? node.getChars().unescape() : chars); // unescaping is a regular expression: only when needed
            return;
        }
        if (node instanceof LinkRef ref && !ref.isDefined()) {
            out.append(ref.getChars().toString()); // "[长期]" with no link defined is just bracketed text
            return;
        }
        if (node instanceof Code code) {
            out.append(code.getText().toString());
            return;
        }
        if (node instanceof HtmlBlock) {
            out.append(node.getChars().toString()).append('\n');
            return;
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append('\n');
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            append(child, out);
        }
        if (node instanceof Block && !(node instanceof TextBase) && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
