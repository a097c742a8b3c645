package io.github.weeklyarchive.report;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** Where a relative link or image in a report's HTML leads among the site's source files. */
public final class LocalAddress {

    private LocalAddress() {
    }

    /**
     * The file {@code href} (as written in the rendered HTML) names, relative to the source folder with forward
     * slashes ({@code content/2023/shot.png}), seen from the report at {@code reportSource}. Empty for another
     * site, a scheme, the site root ({@code /…}), an anchor alone or a malformed address.
     */
    public static Optional<String> resolve(String reportSource, String href) {
        String address = href.replace("&amp;", "&");
        int cut = indexOfAny(address, "#?");
        address = cut < 0 ? address : address.substring(0, cut);
        if (address.isEmpty() || address.startsWith("/") || address.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(reportSource).getParent();
            String decoded = URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8);
            return Optional.of((folder == null ? Path.of("") : folder).resolve(decoded).normalize().toString().replace('\\', '/'));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code text} with its %-escapes decoded as UTF-8 ({@code +} kept: it is no space in a path), or as written when one is malformed. */
    public static String percentDecoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
