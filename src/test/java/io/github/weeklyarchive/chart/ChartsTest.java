package io.github.weeklyarchive.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.weeklyarchive.metrics.MetricSeries;
import io.github.weeklyarchive.metrics.MetricsConfig;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static final MetricSeries DEPOSIT = new MetricSeries("deposit", "入金有效成功率", "%", "系统运行数据 / 成功率",
            MetricsConfig.parse("m", "metrics:\n  - name: 入金有效成功率\n    target: '>= 99.95'\n").config().definitions().stream().findFirst(),
            List.of(point("2023-02-10", 99.90), point("2023-02-17", 99.97), point("2023-02-24", 99.98)));

    private static MetricSeries.Point point(String date, double value) {
        return new MetricSeries.Point(LocalDate.parse(date), "第x周", "2023/" + date + ".html", value, Optional.empty(), Optional.empty(), "content/x.md:1");
    }

    @Test
    void aCjkFontIsInstalledAndDrawsChineseGlyphs() {
        String family = ChartFonts.cjkFamily().orElseThrow(() -> new AssertionError(
                "no CJK font: install fonts-wqy-microhei (the README and .ci/run do)"));
        Font font = new Font(family, Font.PLAIN, 14);
        assertEquals(-1, font.canDisplayUpTo("周报"));
        GlyphVector glyphs = font.createGlyphVector(new FontRenderContext(null, true, true), "周报");
        for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
            assertNotEquals(font.getMissingGlyphCode(), glyphs.getGlyphCode(i), "glyph " + i + " of 周报 is the missing-glyph box");
        }
    }

    @Test
    void svgKeepsChineseLabelsAsText() {
        String svg = ChartWriter.svg(Charts.metric(DEPOSIT, ChartTheme.LIGHT, ChartLabels.CHINESE), 760, 300);
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.matches("(?s).*<text[^>]*>目标 &gt;= 99\\.95</text>.*"), "the target label is text, not outlines");
        assertTrue(svg.contains("WenQuanYi Micro Hei"), "names CJK families for the reader's browser");
        assertTrue(svg.contains("viewBox=\"0.0 0.0 760.0 300.0\"") || svg.contains("viewBox='0.0 0.0 760.0 300.0'"), "scales with the page");
    }

    @Test
    void pngIsDrawnWithTheTargetInItsColour(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deposit.png");
        ChartWriter.writePng(Charts.metric(DEPOSIT, ChartTheme.PRINT, ChartLabels.CHINESE), 760, 300, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(760, image.getWidth());
        long lineColoured = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (ChartTheme.PRINT.line().getRGB() & 0xFFFFFF)) {
                    lineColoured++;
                }
            }
        }
        assertTrue(lineColoured > 100, "the series line is drawn: " + lineColoured + " pixels");
    }

    @Test
    void aLongHistoryIsThinnedButKeepsTheLatestWeek() {
        List<Integer> weeks = java.util.stream.IntStream.range(0, 5000).boxed().toList();
        List<Integer> kept = Charts.thinned(weeks, Charts.MAX_POINTS);
        assertTrue(kept.size() <= Charts.MAX_POINTS, "kept " + kept.size());
        assertEquals(4999, kept.get(kept.size() - 1));
        assertEquals(weeks.subList(0, 300), Charts.thinned(weeks.subList(0, 300), Charts.MAX_POINTS));
    }
}
