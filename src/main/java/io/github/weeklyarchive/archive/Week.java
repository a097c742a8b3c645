package io.github.weeklyarchive.archive;

import io.github.weeklyarchive.report.Report;
import java.util.Optional;

/**
 * A report in its place in the archive: its address on the site and its neighbours in time.
 *
 * @param uri      the page's address relative to the site root, ASCII and derived from the date
 *                 ({@code 2023/2023-02-24.html}), so renaming the source file never breaks a link
 * @param previous the week before, if any
 * @param next     the week after, if any
 */
public record Week(Report report, String uri, Optional<Link> previous, Optional<Link> next) {

    /** Enough about a neighbouring week to link to it; {@code label} is its {@link Report#badge() badge}, often empty. */
    public record Link(String uri, String title, String label, String date) {
    }

    /** The address of the page for a report dated {@code date}. */
    public static String uriFor(java.time.LocalDate date) {
        return String.format("%04d/%s.html", date.getYear(), date);
    }
}
