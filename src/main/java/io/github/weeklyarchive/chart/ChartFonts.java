package io.github.weeklyarchive.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The font charts are drawn with. Java measures text with the fonts installed on the machine that
 * builds: without a CJK font, Chinese labels are measured wrongly and PNGs show boxes. SVGs name a
 * list of families so the reader's browser draws the text with a CJK font of its own.
 */
public final class ChartFonts {

    /** Families tried in order on the building machine; Debian's fonts-wqy-microhei provides the first. */
    static final List<String> CJK_FAMILIES = List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC",
            "PingFang SC", "Microsoft YaHei", "SimHei", "Droid Sans Fallback");

    /**
     * The CSS font-family written into SVG text, so each reader's own CJK font is used. Names are in
     * double quotes because JFreeSVG writes the style attribute in single quotes.
     */
    static final String CSS_FAMILIES = "system-ui, -apple-system, &quot;PingFang SC&quot;, &quot;Hiragino Sans GB&quot;, "
            + "&quot;Microsoft YaHei&quot;, &quot;Noto Sans CJK SC&quot;, &quot;WenQuanYi Micro Hei&quot;, sans-serif";

    private static final Optional<String> FAMILY = find();

    private ChartFonts() {
    }

    private static Optional<String> find() {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        return CJK_FAMILIES.stream()
                .filter(installed::contains)
                .filter(family -> new Font(family, Font.PLAIN, 12).canDisplayUpTo("周报成功率") == -1)
                .findFirst();
    }

    /** The installed CJK family, if there is one. */
    public static Optional<String> cjkFamily() {
        return FAMILY;
    }

    static Font font(int style, float size) {
        return new Font(FAMILY.orElse(Font.SANS_SERIF), style, Math.round(size));
    }
}
