package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.report.Problem;
import io.github.weeklyarchive.screening.Screener;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints problems one per line on stderr: in the {@code path:line: error: message} form editors understand,
 * or as GitHub Actions annotations ({@code ::error file=…,line=…::message}), which a pull request shows on the line.
 */
final class Reporter {

    /** How problems are printed. */
    enum Format {
        TEXT, GITHUB
    }

    private Reporter() {
    }

    static void print(List<Problem> problems, PrintWriter err) {
        print(problems, err, Format.TEXT);
    }

    static void print(List<Problem> problems, PrintWriter err, Format format) {
        for (Problem problem : problems) {
            err.println(format == Format.GITHUB ? annotation(problem) : problem.toString());
        }
        Screener.advice(problems).forEach(err::println);
        err.flush();
    }

    /** A GitHub Actions workflow command; its data and property values escaped as the runner expects. */
    static String annotation(Problem problem) {
        String line = (problem.line() > 0 ? ",line=" + problem.line() : "") + (problem.column() > 0 ? ",col=" + problem.column() : "");
        return "::" + (problem.isError() ? "error" : "warning") + " file=" + property(problem.path()) + line + "::" + data(problem.message());
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    static String count(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    /** {@code 1 week}, {@code 3 weeks}. */
    static String weeks(long n) {
        return plural(n, "week");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
