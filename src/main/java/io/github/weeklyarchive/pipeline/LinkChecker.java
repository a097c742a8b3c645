package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.site.PageSink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Follows every internal link and anchor of a site rendered into memory, as Zola's {@code check} does: a
 * link to a page or file the site does not have, or to an anchor its page does not have, is an error at
 * the line of the report that wrote it (or at the page, for a link a template wrote).
 * Pages arrive from several threads; only their anchors and links are kept, not their text.
 */
final class LinkChecker implements PageSink {

    /** A week page's source, to find the line of a broken link in it; read only when one is found. */
    record Source(String path, Supplier<String> text) {
    }

    record Link(String address, String target, String fragment) {
    }

    private record Page(Set<String> anchors, List<Link> links) {
    }

    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    @Override
    public void accept(String path, String text) {
        if (!path.endsWith(".html")) {
            pages.put(path, new Page(Set.of(), List.of()));
            return;
        }
        Document document = Jsoup.parse(text);
        Set<String> anchors = new HashSet<>();
        for (Element element : document.select("[id], a[name]")) {
            anchors.add(element.hasAttr("id") ? element.attr("id") : element.attr("name"));
        }
        List<Link> links = new ArrayList<>();
        for (Element element : document.select("a[href], link[href], img[src], script[src], source[srcset], iframe[src]")) {
            String address = element.hasAttr("href") ? element.attr("href") : element.hasAttr("src") ? element.attr("src") : element.attr("srcset");
            resolve(path, address).ifPresent(links::add);
        }
        pages.put(path, new Page(anchors, links));
    }

    /** The broken links: {@code files} are the site's files that are not pages (assets, charts, data). */
    List<Problem> brokenLinks(Collection<String> files, Map<String, Source> sources) {
        Set<String> exists = new HashSet<>(files);
        exists.addAll(pages.keySet());
        List<Problem> problems = new ArrayList<>();
        pages.forEach((path, page) -> {
            for (Link link : page.links()) {
                String why = null;
                if (!link.target().isEmpty() && !exists.contains(link.target())) {
                    why = "leads to " + link.target() + ", which the site does not have";
                } else if (!link.fragment().isEmpty()) {
                    String targetPath = link.target().isEmpty() ? path : link.target();
                    Page target = pages.get(targetPath);
                    if (target != null && targetPath.endsWith(".html") && !target.anchors().contains(link.fragment())) {
                        why = "leads to the anchor #" + link.fragment() + ", which " + (link.target().isEmpty() ? "this page" : link.target())
                                + " does not have" + target.anchors().stream().filter(a -> a.equalsIgnoreCase(link.fragment())).findFirst()
                                .map(a -> " (it has #" + a + ": anchors are lower case)").orElse("");
                    }
                }
                if (why != null) {
                    problems.add(problem(path, link, why, sources.get(path)));
                }
            }
        });
        return problems.stream().distinct().toList();
    }

    private static Problem problem(String page, Link link, String why, Source source) {
        if (source == null) {
            return Problem.error(page, 0, "the link '" + link.address() + "' on this page " + why
                    + "; it comes from a template: correct the template that writes it");
        }
        return Problem.error(source.path(), lineOf(source.text().get(), link.address()), "the link '" + link.address() + "' " + why
                + "; correct the address, or add the file beside the report");
    }

    /** The line of the report that holds the address, as written or percent-decoded. */
    private static int lineOf(String text, String address) {
        for (String form : List.of(address, decode(address), address.replace("&", "&amp;"))) {
            int at = text.indexOf(form);
            if (at >= 0 && !form.isEmpty()) {
                return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            }
        }
        return 0;
    }

    /**
     * The site-relative file and anchor a link on {@code page} leads to, if it stays inside the site.
     * Pages are rendered for the base path {@code /}: an address starting with {@code /} is from the site's root.
     */
    static java.util.Optional<Link> resolve(String page, String address) {
        String trimmed = address.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("//") || trimmed.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return java.util.Optional.empty(); // another site, mail, or a scheme the report stage left as text
        }
        String fragment = "";
        int hash = trimmed.indexOf('#');
        if (hash >= 0) {
            fragment = decode(trimmed.substring(hash + 1));
            trimmed = trimmed.substring(0, hash);
        }
        int query = trimmed.indexOf('?');
        if (query >= 0) {
            trimmed = trimmed.substring(0, query);
        }
        if (trimmed.isEmpty()) {
            return java.util.Optional.of(new Link(address, "", fragment));
        }
        String path = decode(trimmed);
        String folder = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
        String joined = path.startsWith("/") ? path.substring(1) : folder + path;
        if (joined.isEmpty() || joined.endsWith("/")) {
            joined = joined + "index.html";
        }
        return java.util.Optional.of(new Link(address, normalize(joined), fragment));
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String decode(String text) {
        return io.github.weeklyarchive.report.LocalAddress.percentDecoded(text);
    }
}
