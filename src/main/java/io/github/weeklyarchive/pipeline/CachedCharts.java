package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.chart.ChartFiles;
import io.github.weeklyarchive.chart.ChartLabels;
import io.github.weeklyarchive.metrics.Figures;
import io.github.weeklyarchive.site.ContentHash;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charts of a build, each taken from the build cache when it is drawn from the same data and labels
 * as the cached one, and drawn otherwise: adding a week redraws the charts of the metrics it states, and
 * the incident chart, not the fifty others.
 */
final class CachedCharts {

    private CachedCharts() {
    }

    static void write(Figures figures, ChartLabels labels, Path site, BuildCache cache) {
        if (!cache.enabled()) {
            ChartFiles.write(figures, labels, site);
            return;
        }
        Map<ChartFiles.Drawing, Optional<String>> fingerprints = new LinkedHashMap<>();
        ChartFiles.drawings(figures).parallelStream().forEach(drawing -> {
            Optional<String> fingerprint = fingerprint(drawing, labels);
            synchronized (fingerprints) {
                fingerprints.put(drawing, fingerprint);
            }
        });
        Set<String> toDraw = ConcurrentHashMap.newKeySet();
        fingerprints.forEach((drawing, fingerprint) -> {
            if (fingerprint.isEmpty() || !cache.reuseChart(drawing.files(), fingerprint.get(), site)) {
                toDraw.add(drawing.name());
            }
        });
        ChartFiles.write(figures, labels, site, toDraw::contains);
        fingerprints.forEach((drawing, fingerprint) -> {
            if (toDraw.contains(drawing.name())) {
                fingerprint.ifPresent(f -> cache.drewChart(drawing.files(), f));
            }
        });
    }

    static Optional<String> fingerprint(ChartFiles.Drawing drawing, ChartLabels labels) {
        try {
            return Optional.of(ContentHash.of(drawing.name(), labels, drawing.drawnFrom()));
        } catch (ContentHash.Unhashable e) {
            return Optional.empty(); // drawn every time
        }
    }
}
