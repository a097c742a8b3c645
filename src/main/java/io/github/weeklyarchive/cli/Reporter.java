package io.github.weeklyarchive.cli;

import io.github.weeklyarchive.report.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems one per line on stderr, in the {@code path:line: error: message} form editors understand. */
final class Reporter {

    private Reporter() {
    }

    static void print(List<Problem> problems, PrintWriter err) {
        problems.forEach(err::println);
        err.flush();
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
