package io.github.weeklyarchive.chart;

import java.awt.Color;

/** Colours for charts on the site's light and dark backgrounds (matching assets/css/site.css). */
public record ChartTheme(String name, Color background, Color text, Color grid, Color line, Color target, Color[] series) {

    public static final ChartTheme LIGHT = new ChartTheme("light", new Color(0, 0, 0, 0), new Color(0x5f6b76), new Color(0xe2e4e8),
            new Color(0x0b63c5), new Color(0xc0362c),
            new Color[] {new Color(0x0b63c5), new Color(0xe8871e), new Color(0x1a7f37), new Color(0x8250df), new Color(0xc0362c), new Color(0x57606a)});

    public static final ChartTheme DARK = new ChartTheme("dark", new Color(0, 0, 0, 0), new Color(0x9aa4ae), new Color(0x2c333b),
            new Color(0x6cb2ff), new Color(0xff7b72),
            new Color[] {new Color(0x6cb2ff), new Color(0xffa657), new Color(0x4ac26b), new Color(0xd2a8ff), new Color(0xff7b72), new Color(0x9aa4ae)});

    /** For PNGs shown outside the site (feed readers, link previews): an opaque white background. */
    public static final ChartTheme PRINT = new ChartTheme("print", Color.WHITE, LIGHT.text, LIGHT.grid, LIGHT.line, LIGHT.target, LIGHT.series);

    public Color seriesColor(int index) {
        return series[index % series.length];
    }
}
