package io.github.weeklyarchive.screening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of text that must not reach a public site. Each has the name an author writes in
 * {@code check.allow} and in {@code <!-- check: allow ... -->} to accept what was found.
 */
public enum Kind {
    MOBILE("mobile", "a mainland mobile number"),
    ID_NUMBER("id-number", "a resident ID number"),
    BANK_CARD("bank-card", "a bank card number"),
    EMAIL("email", "an e-mail address"),
    PRIVATE_IP("private-ip", "a private IPv4 address"),
    INTERNAL_HOST("internal-host", "an internal host name"),
    SECRET("secret", "what looks like an API key or token"),
    PRIVATE_KEY("private-key", "a private key"),
    PASSWORD("password", "a password");

    private final String configName;
    private final String description;

    Kind(String configName, String description) {
        this.configName = configName;
        this.description = description;
    }

    /** The name written in {@code check.allow}: {@code email}, {@code bank-card}. */
    public String configName() {
        return configName;
    }

    /** What the finding is, for messages: {@code an e-mail address}. */
    public String description() {
        return description;
    }

    public static Optional<Kind> named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.configName.equals(wanted)).findFirst();
    }

    /** {@code mobile, id-number, ...}: for messages that list what may be written. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Kind::configName).toList());
    }
}
