package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folder a build publishes into: the only place outside its own work folder (and its cache beside the
 * output, {@link BuildCache}, kept under the same marker rules) that a build changes.
 *
 * <p>Why a marker: {@code --output} is typed by hand, and a build replaces its output whole. A folder is
 * replaced only when it is missing, empty, or carries the {@value #MARKER} file an earlier build wrote,
 * which lists the files that build made. Any other file found there (a {@code CNAME}, a {@code .git} of a
 * gh-pages checkout) is the user's: it is copied into the new site, never deleted, and a build that would
 * write over one fails instead.
 *
 * <p>A build works in one sibling folder, {@code .NAME.building-ID} (a {@link WorkFolder}), holding the baked
 * site and, during the swap, the previous site. That folder carries a marker too and stays locked
 * while its build runs, so the next build can tell what an interrupted one left (killed with
 * {@code kill -9}, say) from a build still running, and removes only the former.
 */
final class OutputFolder {

    /** Marks a folder as made by this tool; in a published site it lists the files the build wrote. */
    static final String MARKER = WorkFolder.MARKER;
    private static final String WORKSPACE_INFIX = ".building-";
    private static final String PUBLISHED_HEADER = "# Written by weekly-archive: the files of this build, one per line. "
            + "The next build replaces this folder and keeps any file not listed here.\n";
    private static final String WORKSPACE_NOTE = "A weekly-archive build in progress, or one that was interrupted: safe to delete.";

    private final Path requested;
    private final Path target;

    private OutputFolder(Path requested, Path target) {
        this.requested = requested;
        this.target = target;
    }

    /** Where the site ends up: the folder a symbolic link given as {@code --output} points to, else the folder itself. */
    Path target() {
        return target;
    }

    /**
     * Checks that {@code output} may be replaced by a build of {@code source}, whose {@code protectedFolders}
     * (content, templates, assets) must never be written into. Returns the folder, or why not.
     */
    static Result open(Path source, Path output, Collection<Path> protectedFolders) {
        Path requested = output.toAbsolutePath().normalize();
        String shown = output.toString().isEmpty() ? "." : output.toString();
        Path target;
        try {
            target = resolveLink(requested);
        } catch (IOException e) {
            return Result.refused(Problem.error(shown, 0, "the output folder is a link that cannot be followed (" + e.getMessage()
                    + "); point it at an existing folder or choose another --output"));
        }
        Path realSource = realOrNormal(source);
        if (realSource.startsWith(realOrNormal(target))) {
            return Result.refused(Problem.error(shown, 0,
                    "the output folder contains the source folder and would be replaced; choose another --output, such as output/"));
        }
        for (Path folder : protectedFolders) {
            if (realOrNormal(target).startsWith(realOrNormal(folder))) {
                return Result.refused(Problem.error(shown, 0, "the output folder is inside " + source.relativize(folder)
                        + "/, which the build reads; choose another --output, such as output/"));
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return Result.refused(Problem.error(shown, 0, "the output is a file, not a folder; choose another --output, such as output/"));
        }
        if (Files.isDirectory(target) && !Files.isRegularFile(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    return Result.refused(Problem.error(shown, 0, "the output folder is not empty and was not made by weekly-archive "
                            + "(it has no " + MARKER + " file), so the build will not replace it; "
                            + "choose a new or empty folder with --output, or empty this one yourself"));
                }
            } catch (IOException e) {
                return Result.refused(Problem.error(shown, 0, "cannot read the output folder: " + e.getMessage()));
            }
        }
        return new Result(Optional.of(new OutputFolder(requested, target)), Optional.empty());
    }

    /** An output folder that may be built into, or the reason it may not. */
    record Result(Optional<OutputFolder> folder, Optional<Problem> refusal) {
        static Result refused(Problem why) {
            return new Result(Optional.empty(), Optional.of(why));
        }
    }

    /**
     * Removes what interrupted builds into this folder left beside it, and puts back a site that an
     * interrupted swap had moved aside. Folders of builds still running are left alone.
     */
    void cleanLeftovers() {
        WorkFolder.removeDead(target.getParent(), "." + target.getFileName() + WORKSPACE_INFIX + "*", leftover -> {
            Path previous = leftover.resolve(Workspace.PREVIOUS);
            if (Files.isDirectory(previous) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(previous, target); // the swap was cut between its two renames
            }
        });
    }

    /** Starts a build: its work folder beside the output, marked and locked until {@link Workspace#close()}. */
    Workspace startBuild() throws IOException {
        Files.createDirectories(target.getParent());
        Path folder = target.resolveSibling("." + target.getFileName() + WORKSPACE_INFIX + UUID.randomUUID());
        return new Workspace(WorkFolder.create(folder, WORKSPACE_NOTE));
    }

    /**
     * Replaces the output with the site baked in {@code workspace}: the user's own files in the old output
     * are copied over first, then two renames swap the folders, so readers never see a half-written site.
     * Returns a problem, and changes nothing, when a built file would take the place of one of the user's.
     */
    Optional<Problem> publish(Workspace workspace) throws IOException {
        Path site = workspace.site();
        Set<String> built = listFiles(site);
        Files.writeString(site.resolve(MARKER), PUBLISHED_HEADER + String.join("\n", built) + "\n", StandardCharsets.UTF_8);
        if (Files.isDirectory(target)) {
            Set<String> previous = listedIn(target);
            List<String> userFiles = userFiles(target, previous);
            for (String own : userFiles) {
                if (built.contains(own)) {
                    return Optional.of(Problem.error(requested.resolve(own).toString(), 0, "this file was not written by weekly-archive, "
                            + "and the new build writes a file of the same name; move it away (or into assets/ to publish it with the site)"));
                }
            }
            for (String own : userFiles) {
                Path copy = site.resolve(own);
                Files.createDirectories(copy.getParent());
                Files.copy(target.resolve(own), copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.move(target, workspace.previous());
            try {
                Files.move(site, target);
            } catch (IOException e) {
                Files.move(workspace.previous(), target); // put the old site back: a failed build changes nothing
                throw e;
            }
            return Optional.empty();
        }
        Files.move(site, target);
        return Optional.empty();
    }

    /** The files of a published site, relative, sorted, with forward slashes; the marker itself is not one of them. */
    private static Set<String> listFiles(Path root) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(MARKER))
                    .forEach(files::add);
        }
        return files;
    }

    private static Set<String> listedIn(Path site) throws IOException {
        Path marker = site.resolve(MARKER);
        Set<String> listed = new TreeSet<>();
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    listed.add(line);
                }
            }
        }
        return listed;
    }

    /** Files in the old output that no build of ours wrote. */
    private static List<String> userFiles(Path site, Set<String> ours) throws IOException {
        List<String> theirs = new ArrayList<>();
        for (String file : listFiles(site)) {
            if (!ours.contains(file)) {
                theirs.add(file);
            }
        }
        return theirs;
    }

    private static Path resolveLink(Path path) throws IOException {
        if (!Files.isSymbolicLink(path)) {
            return path;
        }
        return path.toRealPath();
    }

    /** The real path of {@code path}, or of the part of it that exists with the rest appended. */
    static Path realOrNormal(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            // Not there yet: resolve the part that is.
            Path parent = absolute.getParent();
            return parent == null ? absolute : realOrNormal(parent).resolve(absolute.getFileName());
        }
    }

    /**
     * One build's work folder: the baked site, and during the swap the previous site. Closing it releases
     * the lock and deletes it.
     */
    static final class Workspace implements AutoCloseable {
        static final String PREVIOUS = "previous";
        private final WorkFolder folder;

        private Workspace(WorkFolder folder) {
            this.folder = folder;
        }

        Path site() {
            return folder.path().resolve("site");
        }

        Path previous() {
            return folder.path().resolve(PREVIOUS);
        }

        @Override
        public void close() {
            folder.close();
        }
    }
}
