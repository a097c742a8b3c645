package io.github.weeklyarchive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real sample report (a payments team's week 9 of 2023), kept with the tests so they never depend on the
 * site's own {@code content/}, which a user replaces with their weeks as the README invites.
 */
public final class Sample {

    /** Where test sites put it; paths in messages and data files read like this. */
    public static final String PATH = "content/2023/2023-02-24-week09.md";
    private static final String RESOURCE = "sample/2023-02-24-week09.md";

    private Sample() {
    }

    public static byte[] bytes() {
        try (InputStream in = Sample.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
