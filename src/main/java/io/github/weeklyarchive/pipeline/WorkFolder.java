package io.github.weeklyarchive.pipeline;

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
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder this tool works in for a while (a build's work folder, a preview), marked with a
 * {@value #MARKER} file that stays locked while the process that made it runs. The lock goes with the
 * process however it ends, {@code kill -9} included, so a later run tells what a dead one left (and removes
 * it) from what a running one uses (and leaves alone). Folders without the marker are never touched.
 */
public final class WorkFolder implements AutoCloseable {

    /** Marks a folder as made by this tool. */
    public static final String MARKER = ".weekly-archive";
    /** Folders of this process: a lock cannot tell them from leftovers, and closing a channel on their marker would release it. */
    private static final Set<Path> RUNNING = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile Path movedTo;

    private WorkFolder(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Makes {@code folder} (which must not exist), marks it with {@code note} and locks it. */
    public static WorkFolder create(Path folder, String note) throws IOException {
        Files.createDirectory(folder);
        return mark(folder, note);
    }

    /** Makes a new folder named {@code prefix…} in {@code parent}, marked and locked. */
    public static WorkFolder createIn(Path parent, String prefix, String note) throws IOException {
        return mark(Files.createTempDirectory(parent, prefix), note);
    }

    private static WorkFolder mark(Path folder, String note) throws IOException {
        Files.writeString(folder.resolve(MARKER), "# " + note + "\n", StandardCharsets.UTF_8);
        FileChannel channel = FileChannel.open(folder.resolve(MARKER), StandardOpenOption.WRITE);
        RUNNING.add(folder);
        return new WorkFolder(folder, channel, channel.lock());
    }

    /** What a dead process's folder may still hold of value, taken out before the folder is deleted. */
    @FunctionalInterface
    public interface Salvage {
        void from(Path leftover) throws IOException;
    }

    /**
     * Deletes the folders in {@code parent} matching {@code glob} that carry the marker and whose process is
     * gone, after {@code salvage} has taken what it needs from each. A folder that cannot be removed now is
     * tried again next time.
     */
    public static void removeDead(Path parent, String glob, Salvage salvage) {
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, glob)) {
            for (Path folder : folders) {
                if (RUNNING.contains(folder) || !Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    continue; // ours and running, or not ours at all
                }
                try (FileChannel channel = FileChannel.open(folder.resolve(MARKER), StandardOpenOption.WRITE);
                     FileLock lock = channel.tryLock()) {
                    if (lock == null) {
                        continue; // another process is using it
                    }
                    salvage.from(folder);
                } catch (OverlappingFileLockException e) {
                    continue;
                }
                delete(folder);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the next run
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Renames the folder, finished, to {@code destination} (which must not exist) and releases the lock: it is
     * no longer a work folder but what the work made (a build cache). {@link #close()} then leaves it.
     */
    public void moveTo(Path destination) throws IOException {
        Files.move(path, destination);
        movedTo = destination;
        release();
        RUNNING.remove(path);
    }

    /** Releases the lock and deletes the folder with everything in it (unless it was {@linkplain #moveTo moved}). */
    @Override
    public void close() {
        if (movedTo != null) {
            return;
        }
        release();
        delete(path);
        RUNNING.remove(path);
    }

    private void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing a lock file loses nothing; the folder is deleted or kept by the caller either way
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
            // A leftover folder is harmless and is removed by the next run.
        }
    }
}
