package io.github.weeklyarchive.pipeline;

import java.util.function.Supplier;

/** A value computed on first use, once, even when asked for from several threads (parallel parsing). */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private volatile T value;

    public Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T seen = value;
        if (seen == null) {
            synchronized (this) {
                if (value == null) {
                    value = compute.get();
                }
                seen = value;
            }
        }
        return seen;
    }

    /** Whether {@link #get()} has run: what was never needed was never computed. */
    public boolean isEvaluated() {
        return value != null;
    }
}
