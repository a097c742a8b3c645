package io.github.weeklyarchive.report;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the raw HTML of a report's Markdown for {@link HtmlSanitizer#clean} to judge: one node at a time
 * through {@link HtmlSanitizer#defuse}, comments never, and with every tag the report opens but never closes
 * closed where its Markdown block ends. A browser (and jsoup) would let a stray {@code <a href>}, {@code <b>},
 * {@code <table>} or {@code <details>} take in the whole rest of the report.
 *
 * <p>Raw HTML blocks are matched across the document, because a {@code <details>} or {@code <div>} block
 * may wrap Markdown up to a later closing block; inline tags are matched within their paragraph, heading or cell.
 */
final class RawHtmlRenderer implements NodeRenderer {

    /** End tags to write after a raw HTML block, or at a marker node that ends a paragraph. */
    private static final DataKey<Map<Node, String>> CLOSERS = new DataKey<>("WEEKLY_ARCHIVE_RAW_HTML_CLOSERS", Map.of());

    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");
    /** Elements HTML closes by itself when their parent ends: no end tag needed. */
    private static final Set<String> IMPLIED_END = Set.of(
            "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt", "rtc", "rp");

    /** A start tag not yet closed; {@code order} counts start tags through the document. */
    private record Open(String name, Node owner, int order) {
    }

    /** Works out which end tags are missing; call on the final tree, just before rendering it. */
    static void closeWhatIsLeftOpen(Document document) {
        OpenTags tags = new OpenTags();
        for (Node node : document.getDescendants()) {
            if (node instanceof HtmlBlockBase block) {
                tags.read(block);
            } else if (node instanceof HtmlInline inline) {
                tags.read(inline);
            }
        }
        List<Open> unclosed = tags.neverClosed();
        if (unclosed.isEmpty()) {
            return;
        }
        Map<Node, StringBuilder> byOwner = new LinkedHashMap<>();
        for (Open open : unclosed) {
            byOwner.computeIfAbsent(open.owner(), owner -> new StringBuilder()).insert(0, "</" + open.name() + ">"); // innermost first
        }
        Map<Node, String> closers = new IdentityHashMap<>();
        byOwner.forEach((owner, endTags) -> {
            if (owner instanceof HtmlBlockBase) {
                closers.put(owner, endTags.toString());
            } else if (owner != null) {
                // An empty marker at the end of the paragraph: its end tags are written after all its text.
                HtmlInline marker = new HtmlInline(owner.getChars().subSequence(owner.getChars().length()));
                owner.appendChild(marker);
                closers.put(marker, endTags.toString());
            }
        });
        document.set(CLOSERS, closers);
    }

    /** The start tags of one document waiting for their end tags, innermost on top. */
    private static final class OpenTags {
        private final Deque<Open> blocks = new ArrayDeque<>();
        private final Deque<Open> inline = new ArrayDeque<>();
        private final List<Open> unclosed = new ArrayList<>();
        private Node inlineOwner;
        private int started;

        void read(HtmlBlockBase block) {
            match(block.getChars(), block, blocks);
        }

        void read(HtmlInline tag) {
            Node owner = tag.getAncestorOfType(Block.class);
            if (owner != inlineOwner) {
                unclosed.addAll(inline);
                inline.clear();
                inlineOwner = owner;
            }
            match(tag.getChars(), owner, inline);
        }

        /** Every start tag without its end tag, in the order they were written. */
        List<Open> neverClosed() {
            unclosed.addAll(blocks);
            unclosed.addAll(inline);
            blocks.clear();
            inline.clear();
            unclosed.sort(Comparator.comparingInt(Open::order));
            return unclosed;
        }

        /** Pushes start tags, pops on matching end tags; what an end tag closes implicitly on the way is unclosed. */
        private void match(CharSequence raw, Node owner, Deque<Open> open) {
            for (HtmlSanitizer.TagToken tag : HtmlSanitizer.tags(HtmlSanitizer.defuse(raw))) {
                if (!tag.closing()) {
                    if (!VOID.contains(tag.name())) {
                        open.push(new Open(tag.name(), owner, started++));
                    }
                    continue;
                }
                if (open.stream().noneMatch(o -> o.name().equals(tag.name()))) {
                    continue; // a stray end tag: HTML ignores it
                }
                Open top;
                while (!(top = open.pop()).name().equals(tag.name())) {
                    if (!IMPLIED_END.contains(top.name())) {
                        unclosed.add(top);
                    }
                }
            }
        }
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(HtmlBlock.class, RawHtmlRenderer::renderBlock),
                // A comment block may carry text after the comment on its line: that text is kept, the comment never.
                new NodeRenderingHandler<>(HtmlCommentBlock.class, RawHtmlRenderer::renderBlock),
                new NodeRenderingHandler<>(HtmlInlineComment.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) -> {
                    html.raw(HtmlSanitizer.defuse(node.getChars()));
                    html.raw(CLOSERS.get(context.getDocument()).getOrDefault(node, ""));
                }));
    }

    private static void renderBlock(HtmlBlockBase node, NodeRendererContext context, HtmlWriter html) {
        String defused = HtmlSanitizer.defuse(node.getChars()) + CLOSERS.get(context.getDocument()).getOrDefault(node, "");
        if (!defused.isBlank()) {
            html.line();
            html.raw(defused);
            html.line();
        }
    }
}
