package io.github.weeklyarchive.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Writes a chart as SVG, where text stays text so the reader's browser draws the Chinese glyphs, or as PNG. */
public final class ChartWriter {

    static {
        // With the workaround on, rotated labels are drawn as outlines and are no longer text in the SVG.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartWriter() {
    }

    public static String svg(JFreeChart chart, int width, int height) {
        return svg(chart, width, height, false);
    }

    /** @param stretch fill any box the page gives it (sparklines) rather than keep the aspect ratio */
    public static String svg(JFreeChart chart, int width, int height, boolean stretch) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // The default prefix of clip-path and gradient ids is the clock's nanoseconds: every build would differ.
        // Each chart is a document of its own (shown with <img>), so one fixed prefix cannot clash.
        g.setDefsKeyPrefix("chart");
        g.setFontFunction(family -> ChartFonts.CSS_FAMILIES);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        // A viewBox lets the chart scale with the page instead of being clipped on a phone.
        return g.getSVGElement(null, true, new ViewBox(0, 0, width, height), stretch ? PreserveAspectRatio.NONE : null, null);
    }

    public static void writeSvg(JFreeChart chart, int width, int height, boolean stretch, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, svg(chart, width, height, stretch), StandardCharsets.UTF_8);
    }

    /** A PNG for places that cannot show SVG (feed readers, link previews). */
    public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        // Fastest deflate: a chart is mostly flat colour and compresses well anyway; the default level
        // made PNG encoding most of a build's time.
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f); // deflate level 1
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
