package io.github.weeklyarchive.serve;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What {@code serve} does between edits: looks for a change whenever {@link SourceWatcher#await} says one may have
 * happened, builds, and reloads the open pages when the build succeeded. A build that fails, in whatever way, leaves
 * the last good build served: the preview is where an author meets a broken report, so it has to outlive one.
 */
public final class RebuildLoop {

    /** One build of the site into the served folder: true if it succeeded; a failed build has printed its problems. */
    @FunctionalInterface
    public interface Build {
        boolean run();
    }

    private final SourceWatcher watcher;
    private final Build build;
    private final PrintWriter err;
    private final ReentrantLock building = new ReentrantLock();
    private volatile boolean stopped;

    public RebuildLoop(SourceWatcher watcher, Build build, PrintWriter err) {
        this.watcher = watcher;
        this.build = build;
        this.err = err;
    }

    /** Builds once, now. Never throws: a build that throws is reported in one line and counts as failed. */
    public boolean build() {
        building.lock();
        try {
            return !stopped && build.run();
        } catch (RuntimeException | Error e) {
            // Errors too: a report nested a few hundred levels deep overflows the Markdown renderer's stack.
            // Once unwound the JVM is sound, the output was not swapped, and the next edit may well fix it.
            err.println("build failed: internal error " + e + " (a bug in weekly-archive: please report it with the file you last changed); "
                    + "still serving the last good build");
            return false;
        } finally {
            building.unlock();
        }
    }

    /** Builds on every change and calls {@code reload} after each build that succeeded, until {@link #stop}. */
    public void watch(Runnable reload) throws InterruptedException {
        while (!stopped) {
            watcher.await();
            if (watcher.changed() && build()) {
                reload.run();
            }
        }
    }

    /**
     * Stops watching and building. A build under way is given up to {@code patience} to finish, so that it
     * removes its own temporary files before the caller removes the folder it was writing into.
     */
    public void stop(Duration patience) {
        stopped = true;
        watcher.close();
        try {
            if (building.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                building.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
