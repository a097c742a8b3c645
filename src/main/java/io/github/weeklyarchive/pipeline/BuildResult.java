package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.Problem;
import java.util.List;

/**
 * How a build went.
 *
 * @param problems every problem found, errors and warnings, in file order
 * @param weeks    the number of week pages written (0 when the build failed)
 * @param written  whether the output folder was replaced with the new site
 */
public record BuildResult(List<Problem> problems, int weeks, boolean written) {

    public BuildResult {
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return !written;
    }
}
