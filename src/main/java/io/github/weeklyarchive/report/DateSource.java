package io.github.weeklyarchive.report;

/** Where a report's date was read, so a message about the date can say where to correct it. */
public enum DateSource {
    FRONT_MATTER("its front matter"),
    TITLE("its title"),
    FILE_NAME("its file name"),
    GIT("the commit that added it");

    private final String where;

    DateSource(String where) {
        this.where = where;
    }

    /** {@code its title}, {@code the commit that added it}: as a message says it. */
    public String where() {
        return where;
    }
}
