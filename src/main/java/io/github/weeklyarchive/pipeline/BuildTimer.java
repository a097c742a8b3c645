package io.github.weeklyarchive.pipeline;

/**
 * Prints how long each stage of a build took, to stderr, when the environment variable
 * {@code WEEKLY_ARCHIVE_TIMINGS} is set: how BENCHMARKS.md says where the time goes.
 */
final class BuildTimer {

    private static final boolean ON = System.getenv("WEEKLY_ARCHIVE_TIMINGS") != null;
    private long last = System.nanoTime();

    void lap(String stage) {
        long now = System.nanoTime();
        if (ON) {
            System.err.printf("timing: %-8s %6d ms%n", stage, (now - last) / 1_000_000); // "bake" totals the stages inside it
        }
        last = now;
    }

    /** Prints a count beside the times ({@code reused 1203 files}). */
    void count(String what, int n) {
        if (ON) {
            System.err.printf("timing: %-8s %6d%n", what, n);
        }
    }
}
