package io.github.weeklyarchive.report;

/**
 * A stretch of a report from one heading to the next, for search results that link to the
 * section a match is in.
 *
 * @param id      the heading's anchor id; empty for text before the first heading
 * @param heading the heading's text; empty for text before the first heading
 * @param text    the plain text of the section, the heading excluded
 */
public record Section(String id, String heading, String text) {
}
