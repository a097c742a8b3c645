package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The folder a build publishes into: the only place outside its own work folder that a build changes.
 *
 * <p>Why a marker: {@code --output} is typed by hand, and a build replaces its output whole. A folder is
 * replaced only when it is missing, empty, or carries the {@value #MARKER} file an earlier build wrote,
 * which lists the files that build made. Any other file found there (a {@code CNAME}, a {@code .git} of a
 * gh-pages checkout) is the user's: it is copied into the new site, never deleted, and a build that would
 * write over one fails instead.
 *
 * <p>A build works in one sibling folder, {@code .NAME.building-ID}, holding the baked site, the theme
 * JBake reads and, during the swap, the previous site. That folder carries a marker too and stays locked
 * while its build runs, so the next build can tell what an interrupted one left (killed with
 * {@code kill -9}, say) from a build still running, and removes only the former.
 */
final class OutputFolder {

    /** Marks a folder as made by this tool; in a published site it lists the files the build wrote. */
    static final String MARKER = ".weekly-archive";
    private static final String WORKSPACE_INFIX = ".building-";
    private static final String PUBLISHED_HEADER = "# Written by weekly-archive: the files of this build, one per line. "
            + "The next build replaces this folder and keeps any file not listed here.\n";
    private static final String WORKSPACE_HEADER = "# A weekly-archive build in progress, or one that was interrupted: safe to delete.\n";

    /** Work folders of builds running in this process: a lock cannot tell them apart from leftovers (see cleanLeftovers). */
    private static final Set<Path> RUNNING = ConcurrentHashMap.newKeySet();

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
     * interrupted swap had moved aside. Folders of builds still running (locked) are left alone.
     */
    void cleanLeftovers() {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + target.getFileName() + WORKSPACE_INFIX + "*")) {
            for (Path leftover : siblings) {
                if (RUNNING.contains(leftover) || !Files.isRegularFile(leftover.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    continue; // running here (closing a channel would release its lock), or not ours
                }
                try (FileChannel channel = FileChannel.open(leftover.resolve(MARKER), StandardOpenOption.WRITE);
                     FileLock lock = channel.tryLock()) {
                    if (lock == null) {
                        continue; // another build is using it
                    }
                    Path previous = leftover.resolve(Workspace.PREVIOUS);
                    if (Files.isDirectory(previous) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(previous, target); // the swap was cut between its two renames
                    }
                } catch (OverlappingFileLockException e) {
                    continue; // a build in this very process is using it
                }
                delete(leftover);
            }
        } catch (IOException e) {
            // A leftover that cannot be removed now will be tried again by the next build.
        }
    }

    /** Starts a build: its work folder beside the output, marked and locked until {@link Workspace#close()}. */
    Workspace startBuild() throws IOException {
        Files.createDirectories(target.getParent());
        Path folder = target.resolveSibling("." + target.getFileName() + WORKSPACE_INFIX + UUID.randomUUID());
        Files.createDirectory(folder);
        Files.writeString(folder.resolve(MARKER), WORKSPACE_HEADER, StandardCharsets.UTF_8);
        FileChannel channel = FileChannel.open(folder.resolve(MARKER), StandardOpenOption.WRITE);
        RUNNING.add(folder);
        return new Workspace(folder, channel, channel.lock());
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
            for (String own : userFiles(target, previous)) {
                if (built.contains(own)) {
                    return Optional.of(Problem.error(requested.resolve(own).toString(), 0, "this file was not written by weekly-archive, "
                            + "and the new build writes a file of the same name; move it away (or into assets/ to publish it with the site)"));
                }
            }
            for (String own : userFiles(target, previous)) {
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

    private static Path realOrNormal(Path path) {
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
     * One build's work folder: the baked site, the theme JBake reads, and during the swap the previous
     * site. Closing it releases the lock and deletes it.
     */
    static final class Workspace implements AutoCloseable {
        static final String PREVIOUS = "previous";
        private final Path folder;
        private final FileChannel channel;
        private final FileLock lock;

        private Workspace(Path folder, FileChannel channel, FileLock lock) {
            this.folder = folder;
            this.channel = channel;
            this.lock = lock;
        }

        Path site() {
            return folder.resolve("site");
        }

        Path theme() {
            return folder.resolve("theme");
        }

        Path previous() {
            return folder.resolve(PREVIOUS);
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing a lock file cannot lose data; the folder is deleted below either way
            }
            delete(folder);
            RUNNING.remove(folder);
        }
    }

    /** Deletes a folder of ours without following links out of it. */
    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover work folder is harmless and is removed by the next build.
        }
    }
}
