package io.github.weeklyarchive.report;

import java.util.Objects;

/**
 * One thing wrong with the input, pinned to a file and line so an editor can jump to it.
 * Printed as {@code path:line: error: message}, the format compilers use.
 *
 * @param path the file, relative to the site's source folder (e.g. {@code content/2023/w09.md})
 * @param line 1-based line number; 0 when the problem concerns the whole file
 * @param column 1-based column (in characters) where the problem starts on its line; 0 when it is the whole line
 * @param kind what sort of finding it is, for problems counted by sort ({@code email}, the name {@code check.allow}
 *             takes); empty for the rest
 */
public record Problem(String path, int line, int column, Severity severity, String message, String kind) {

    public enum Severity {
        ERROR, WARNING;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    public Problem(String path, int line, int column, Severity severity, String message) {
        this(path, line, column, severity, message, "");
    }

    /** A problem with a whole line. */
    public Problem(String path, int line, Severity severity, String message) {
        this(path, line, 0, severity, message);
    }

    /** This problem, marked as a finding of {@code kind}. */
    public Problem ofKind(String kind) {
        return new Problem(path, line, column, severity, message, kind);
    }

    public static Problem error(String path, int line, String message) {
        return new Problem(path, line, Severity.ERROR, message);
    }

    /** An error at a place in a line: {@code path:line:column: error: message}. */
    public static Problem error(String path, int line, int column, String message) {
        return new Problem(path, line, column, Severity.ERROR, message);
    }

    public static Problem warning(String path, int line, String message) {
        return new Problem(path, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form printed on stderr. */
    @Override
    public String toString() {
        return path + ":" + Math.max(line, 1) + (column > 0 ? ":" + column : "") + ": " + severity.label() + ": " + message;
    }
}
