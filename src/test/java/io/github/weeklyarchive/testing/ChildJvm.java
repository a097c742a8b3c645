package io.github.weeklyarchive.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in a JVM of its own, as a user runs it: for what one process cannot show of itself (stderr, kill -9). */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code weekly-archive ARGS} with the test classpath; stdout and stderr go to files in {@code logs}. */
    public static Process start(Path logs, Path workingDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.weeklyarchive.cli.Main"));
        command.addAll(List.of(args));
        File out = logs.resolve("stdout.txt").toFile();
        File err = logs.resolve("stderr.txt").toFile();
        return new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out).redirectError(err).start();
    }
}
