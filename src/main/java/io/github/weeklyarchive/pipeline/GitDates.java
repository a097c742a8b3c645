package io.github.weeklyarchive.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The date of the commit that added each file, for reports that carry no date of their own (an archive
 * of {@code issue-N.md} files), as Hugo's {@code :git} date does. Read from {@code git log} in one pass
 * over the history; a renamed file keeps the date it was first added under its old name. Never the file's
 * modification time, which every checkout changes.
 *
 * <p>On GitHub the checkout must have the whole history ({@code fetch-depth: 0}, as the Pages workflow
 * does): in a shallow clone every file looks added by its one commit.
 */
public final class GitDates {

    private final Map<String, LocalDate> added;
    private final boolean shallow;

    private GitDates(Map<String, LocalDate> added, boolean shallow) {
        this.added = Map.copyOf(added);
        this.shallow = shallow;
    }

    /** No history: nothing is dated from git. */
    public static GitDates none() {
        return new GitDates(Map.of(), false);
    }

    /** The dates of the files under {@code folder}, by their path relative to it; none when it is not in a git work tree. */
    public static GitDates of(Path folder) {
        List<String> log = List.of("git", "-C", folder.toString(), "-c", "core.quotepath=off", "log", "--reverse", "--relative",
                "--format=%x00%as", "--name-status", "--diff-filter=AR", "-M", "--no-color", "--", ".");
        Optional<List<String>> lines = run(log);
        if (lines.isEmpty()) {
            return none();
        }
        boolean shallow = run(List.of("git", "-C", folder.toString(), "rev-parse", "--is-shallow-repository"))
                .map(out -> out.contains("true")).orElse(false);
        return new GitDates(parse(lines.get()), shallow);
    }

    /**
     * Reads {@code git log --reverse --format=%x00%as --name-status --diff-filter=AR} output: a commit line
     * ({@code \0} and its date) and then {@code A\tpath} or {@code R100\told\tnew} lines. Pure, for tests.
     */
    static Map<String, LocalDate> parse(List<String> lines) {
        Map<String, LocalDate> added = new HashMap<>();
        LocalDate commit = null;
        for (String line : lines) {
            if (line.startsWith("\0")) {
                try {
                    commit = LocalDate.parse(line.substring(1).strip());
                } catch (DateTimeParseException e) {
                    commit = null;
                }
                continue;
            }
            if (commit == null || line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts[0].startsWith("A") && parts.length >= 2) {
                added.putIfAbsent(parts[1], commit);
            } else if (parts[0].startsWith("R") && parts.length >= 3) {
                LocalDate first = added.getOrDefault(parts[1], commit);
                added.remove(parts[1]);
                added.put(parts[2], first);
            }
        }
        return added;
    }

    /** The date the file at {@code relative} (to the folder given to {@link #of}, with forward slashes) was added. */
    public Optional<LocalDate> addedOn(String relative) {
        return Optional.ofNullable(added.get(relative));
    }

    /** Whether the history was cut short (a shallow clone): its dates are those of the clone, not of the reports. */
    public boolean shallow() {
        return shallow;
    }

    private static Optional<List<String>> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            List<String> lines;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines = out.lines().toList();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(lines) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine: nothing is dated from history
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
