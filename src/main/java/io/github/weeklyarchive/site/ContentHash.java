package io.github.weeklyarchive.site;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SHA-256 of a value as a template or a chart sees it: strings, numbers, dates, lists, maps (in their
 * iteration order, which is what a template shows) and records, component by component. Two values with
 * the same hash show the same; what it cannot read it refuses ({@link Unhashable}), so a build cache never
 * takes two different values for the same one: the page or chart is then simply made again.
 */
public final class ContentHash {

    /** A value of a type this class does not know how to read completely. */
    public static final class Unhashable extends RuntimeException {
        Unhashable(Class<?> type) {
            super("cannot fingerprint a " + type.getName(), null, false, false);
        }
    }

    private static final Map<Class<?>, Method[]> RECORD_ACCESSORS = new ConcurrentHashMap<>();

    private final MessageDigest digest;

    private ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The hash of {@code values}, in order, as hex. Throws {@link Unhashable} for a value it cannot read. */
    public static String of(Object... values) {
        ContentHash hash = new ContentHash();
        for (Object value : values) {
            hash.add(value);
        }
        return HexFormat.of().formatHex(hash.digest.digest());
    }

    /** The hash of raw bytes (a file's), as hex. */
    public static String ofBytes(byte[] bytes) {
        ContentHash hash = new ContentHash();
        hash.digest.update(bytes);
        return HexFormat.of().formatHex(hash.digest.digest());
    }

    private void add(Object value) {
        if (value == null) {
            tag('N');
        } else if (value instanceof String s) {
            text('S', s);
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            // The class is part of it: 1 and 1.0 print differently.
            text('P', value.getClass().getSimpleName() + ":" + value);
        } else if (value instanceof Date date) {
            text('D', Long.toString(date.getTime()));
        } else if (value instanceof TemporalAccessor temporal) {
            text('T', value.getClass().getSimpleName() + ":" + temporal);
        } else if (value instanceof java.io.File || value instanceof java.nio.file.Path || value instanceof java.net.URI) {
            text('F', value.getClass().getSimpleName() + ":" + value); // JBake's configuration holds its folders
        } else if (value instanceof Enum<?> constant) {
            text('E', constant.getDeclaringClass().getName() + "." + constant.name());
        } else if (value instanceof Optional<?> optional) {
            tag('O');
            add(optional.orElse(null));
        } else if (value instanceof Map<?, ?> map) {
            tag('M');
            count(map.size());
            for (Map.Entry<?, ?> entry : saltedOrder(map) ? sortedByKey(map) : map.entrySet()) {
                add(entry.getKey());
                add(entry.getValue());
            }
        } else if (value instanceof Collection<?> collection) {
            tag('L');
            count(collection.size());
            Collection<?> inOrder = saltedOrder(collection)
                    ? collection.stream().sorted(java.util.Comparator.comparing(String::valueOf)).toList() : collection;
            for (Object element : inOrder) {
                add(element);
            }
        } else if (value instanceof Object[] array) {
            tag('A');
            count(array.length);
            for (Object element : array) {
                add(element);
            }
        } else if (value instanceof Record record) {
            text('R', record.getClass().getName());
            for (Method accessor : accessors(record.getClass())) {
                try {
                    add(accessor.invoke(record));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new Unhashable(record.getClass());
                }
            }
        } else {
            throw new Unhashable(value.getClass());
        }
    }

    /**
     * {@code Map.of} and {@code Set.of} iterate in an order salted per JVM: read in that order, the same
     * value would hash differently in the next build's JVM. They are read sorted; any other map or
     * collection in its own order, the order a template shows it in.
     */
    private static boolean saltedOrder(Object container) {
        return container.getClass().getName().startsWith("java.util.ImmutableCollections$Map")
                || container.getClass().getName().startsWith("java.util.ImmutableCollections$Set");
    }

    private static java.util.List<Map.Entry<?, ?>> sortedByKey(Map<?, ?> map) {
        java.util.List<Map.Entry<?, ?>> entries = new java.util.ArrayList<>(map.entrySet());
        entries.sort(java.util.Comparator.comparing(e -> String.valueOf(e.getKey())));
        return entries;
    }

    private static Method[] accessors(Class<?> type) {
        return RECORD_ACCESSORS.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Method[] methods = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                methods[i] = components[i].getAccessor();
                methods[i].setAccessible(true); // records nested in package-private classes
            }
            return methods;
        });
    }

    private void tag(char tag) {
        digest.update((byte) tag);
    }

    private void count(int n) {
        digest.update((byte) (n >>> 24));
        digest.update((byte) (n >>> 16));
        digest.update((byte) (n >>> 8));
        digest.update((byte) n);
    }

    /** A tag, the length, then the text: no two different sequences of values run together into the same bytes. */
    private void text(char tag, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        tag(tag);
        count(bytes.length);
        digest.update(bytes);
    }
}
