package io.github.weeklyarchive.report;

/**
 * A heading of a report body, as listed in its table of contents.
 *
 * @param level 1 to 6, as in Markdown
 * @param text  the heading's plain text
 * @param id    the anchor id written on the heading, stable across builds
 */
public record Heading(int level, String text, String id) {
}
