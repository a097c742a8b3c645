package io.github.weeklyarchive.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed report as bytes and back, for the build cache: the report stage's records, component by
 * component (strings, numbers, dates, optionals, lists, sets, enums and nested records), so the cache needs no
 * change to the report package when a record gains a component; the cache's key (the tool's jar) then
 * differs anyway. Decoding builds only records and enums of this tool's own packages, through their
 * canonical constructors, and refuses anything else: a damaged file gives {@link Invalid}, never an object
 * the parser could not have made.
 */
final class ReportCodec {

    /** Bytes that are not a value this codec wrote. */
    static final class Invalid extends Exception {
        Invalid(String why) {
            super(why, null, false, false);
        }
    }

    private static final String OWN_PACKAGES = "io.github.weeklyarchive.";
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte DATE = 6;
    private static final byte EMPTY = 7;
    private static final byte PRESENT = 8;
    private static final byte LIST = 9;
    private static final byte RECORD = 10;
    private static final byte ENUM = 11;
    private static final byte SET = 12;

    private ReportCodec() {
    }

    /** The bytes of {@code value}; throws {@link IllegalArgumentException} for a type it does not know. */
    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new Writer(out).write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The value {@link #encode} was given. */
    static Object decode(byte[] bytes) throws Invalid {
        try {
            Reader reader = new Reader(ByteBuffer.wrap(bytes));
            Object value = reader.read();
            if (reader.in.hasRemaining()) {
                throw new Invalid("bytes after the value");
            }
            return value;
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException | ReflectiveOperationException
                 | ClassCastException | NullPointerException | SecurityException | StackOverflowError e) {
            throw new Invalid(e.toString());
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Class<?>, Integer> classes = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof String s) {
                out.writeByte(STRING);
                string(s);
            } else if (value instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (value instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (value instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (value instanceof Boolean b) {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            } else if (value instanceof LocalDate date) {
                out.writeByte(DATE);
                out.writeLong(date.toEpochDay());
            } else if (value instanceof Optional<?> optional) {
                if (optional.isEmpty()) {
                    out.writeByte(EMPTY);
                } else {
                    out.writeByte(PRESENT);
                    write(optional.get());
                }
            } else if (value instanceof List<?> list) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object element : list) {
                    write(element);
                }
            } else if (value instanceof java.util.Set<?> set) {
                out.writeByte(SET);
                out.writeInt(set.size());
                for (Object element : set) {
                    write(element);
                }
            } else if (value instanceof Enum<?> constant) {
                out.writeByte(ENUM);
                type(constant.getDeclaringClass());
                string(constant.name());
            } else if (value instanceof Record record) {
                out.writeByte(RECORD);
                type(record.getClass());
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        component.getAccessor().setAccessible(true);
                        write(component.getAccessor().invoke(record));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalArgumentException(e);
                    }
                }
            } else {
                throw new IllegalArgumentException("cannot keep a " + value.getClass().getName());
            }
        }

        /** A class by number, its name written the first time only. */
        private void type(Class<?> type) throws IOException {
            if (!type.getName().startsWith(OWN_PACKAGES)) {
                throw new IllegalArgumentException("cannot keep a " + type.getName());
            }
            Integer known = classes.get(type);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            out.writeInt(-1);
            string(type.getName());
            classes.put(type, classes.size());
        }

        private void string(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final List<Class<?>> classes = new ArrayList<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        Object read() throws ReflectiveOperationException {
            byte tag = in.get();
            return switch (tag) {
                case NULL -> null;
                case STRING -> string();
                case INT -> in.getInt();
                case LONG -> in.getLong();
                case DOUBLE -> in.getDouble();
                case BOOLEAN -> in.get() != 0;
                case DATE -> LocalDate.ofEpochDay(in.getLong());
                case EMPTY -> Optional.empty();
                case PRESENT -> Optional.of(read());
                case LIST -> list();
                case SET -> java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(list()));
                case ENUM -> constant();
                case RECORD -> record();
                default -> throw new IllegalArgumentException("unknown tag " + tag);
            };
        }

        private List<Object> list() throws ReflectiveOperationException {
            int size = in.getInt();
            if (size < 0 || size > in.remaining()) {
                throw new IllegalArgumentException("bad list size");
            }
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(read());
            }
            return list;
        }

        private Object constant() throws ReflectiveOperationException {
            Class<?> type = type();
            if (!type.isEnum()) {
                throw new IllegalArgumentException(type.getName() + " is not an enum");
            }
            String name = string();
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("no " + name + " in " + type.getName());
        }

        private Object record() throws ReflectiveOperationException {
            Class<?> type = type();
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = read();
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            try {
                return canonical.newInstance(values);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalArgumentException(e.getCause()); // the record refused the values
            }
        }

        private Class<?> type() throws ClassNotFoundException {
            int id = in.getInt();
            if (id >= 0) {
                return classes.get(id);
            }
            String name = string();
            if (!name.startsWith(OWN_PACKAGES)) {
                throw new IllegalArgumentException("not one of ours: " + name);
            }
            Class<?> type = Class.forName(name, false, ReportCodec.class.getClassLoader());
            classes.add(type);
            return type;
        }

        private String string() {
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("bad string length");
            }
            String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return s;
        }
    }
}
