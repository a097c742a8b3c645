package io.github.weeklyarchive.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What to build and where.
 *
 * @param source     the site folder: {@code content/}, and optionally {@code templates/}, {@code assets/},
 *                   {@code jbake.properties} that override the built-in ones
 * @param output     where the finished site goes; replaced only when the build succeeds
 * @param baseUrl    the address the site is published at ({@code https://user.github.io/repo/});
 *                   when empty, {@code site.host} from {@code jbake.properties}, else {@code /}
 * @param drafts     include reports marked {@code draft: true}
 * @param liveReload add the script that reloads the page when {@code serve} rebuilds
 * @param reports    parsed reports kept from earlier builds of the same session ({@code serve})
 * @param cache      the folder of the build cache ({@link BuildCache}): pages and charts of the last build, taken
 *                   as they are where their inputs did not change; empty for none
 */
public record BuildOptions(Path source, Path output, Optional<String> baseUrl, boolean drafts, boolean liveReload,
                           ReportCache reports, Optional<Path> cache) {

    /** Without a build cache. */
    public BuildOptions(Path source, Path output, Optional<String> baseUrl, boolean drafts, boolean liveReload, ReportCache reports) {
        this(source, output, baseUrl, drafts, liveReload, reports, Optional.empty());
    }

    public BuildOptions withCache(Path folder) {
        return new BuildOptions(source, output, baseUrl, drafts, liveReload, reports, Optional.of(folder));
    }

    public static BuildOptions of(Path source, Path output) {
        return new BuildOptions(source, output, Optional.empty(), false, false, ReportCache.none());
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, Optional.of(url), drafts, liveReload, reports, cache);
    }
}
