package io.github.weeklyarchive.pipeline;

import io.github.weeklyarchive.report.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A site's source folder as a build may read it: the files under {@code content/}, {@code templates/} and
 * {@code assets/} (or the folders {@code jbake.properties} names with {@code content.folder},
 * {@code template.folder} and {@code asset.folder}, as in JBake), and the settings files beside them.
 *
 * <p>Nothing outside the source folder is ever read. Links inside it are followed; a link that leads out
 * of it (to {@code /etc/passwd}, {@code /proc/self/environ}, a report elsewhere on the machine) is skipped
 * with a warning, and so is a folder link that loops. The one exception is a top-level folder that is
 * itself a link ({@code content -> ../reports-repo}): the user made that link to say where the folder is.
 */
public final class SourceFolder {

    private final Path root;
    private final List<Path> readableRoots;
    private final Path content;
    private final Path templates;
    private final Path assets;
    private final List<Problem> problems;
    private final Properties settings;
    private final List<String> settingLines;
    private final List<java.nio.file.PathMatcher> excludes;

    private SourceFolder(Path root, List<Path> readableRoots, Path content, Path templates, Path assets, List<Problem> problems,
                         Properties settings, List<String> settingLines) {
        this.root = root;
        this.readableRoots = readableRoots;
        this.content = content;
        this.templates = templates;
        this.assets = assets;
        this.problems = List.copyOf(problems);
        this.settings = settings;
        this.settingLines = settingLines;
        this.excludes = java.util.Arrays.stream(settings.getProperty("content.exclude", "").strip().split("\\s+"))
                .filter(glob -> !glob.isEmpty())
                .map(glob -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    /** The source folder at {@code source}, with its folder names read from its {@code jbake.properties}. */
    public static SourceFolder of(Path source) {
        Path root = source.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        List<Path> readable = new ArrayList<>();
        readable.add(realPath(root).orElse(root));
        Properties settings = new Properties();
        List<String> settingLines = List.of();
        Path properties = root.resolve("jbake.properties");
        if (Files.isRegularFile(properties) && !insideAny(properties, readable)) {
            problems.add(Problem.warning("jbake.properties", 0, "this link leads outside the site folder; skipped, "
                    + "since a build reads nothing outside --source: copy the file into the site folder"));
        } else if (Files.isRegularFile(properties)) {
            try {
                String text = Files.readString(properties, StandardCharsets.UTF_8);
                settings.load(new StringReader(text));
                settingLines = text.lines().toList();
            } catch (IOException | IllegalArgumentException e) {
                problems.add(Problem.error("jbake.properties", 0, "cannot read the file: " + e.getMessage()));
            }
        }
        Path content = folder(root, settings, settingLines, "content.folder", "content", problems);
        Path templates = folder(root, settings, settingLines, "template.folder", "templates", problems);
        Path assets = folder(root, settings, settingLines, "asset.folder", "assets", problems);
        for (Path folder : List.of(content, templates, assets)) {
            Optional<Path> target = Files.isSymbolicLink(folder) ? realPath(folder) : Optional.empty();
            if (target.isPresent() && readable.get(0).startsWith(target.get())) {
                problems.add(Problem.error(root.relativize(folder).toString(), 0, "this link leads to " + target.get()
                        + ", which holds the whole site folder; link it to the folder of reports itself"));
            } else {
                target.ifPresent(readable::add);
            }
        }
        return new SourceFolder(root, List.copyOf(readable), content, templates, assets, problems, settings, settingLines);
    }

    private static Path folder(Path root, Properties settings, List<String> settingLines, String key, String fallback, List<Problem> problems) {
        String name = settings.getProperty(key, fallback).strip();
        Path folder = root.resolve(name).normalize();
        int line = lineOf(key, settingLines);
        if (folder.equals(root)) {
            // The site folder also holds templates, assets, settings and often the output: reports need a folder of their own.
            problems.add(Problem.error("jbake.properties", line, key + "=" + name + " names the site folder itself; keep these files "
                    + "in a folder of their own inside it and name that folder, such as " + key + "=" + fallback));
            return root.resolve(fallback);
        }
        if (name.isEmpty() || !folder.startsWith(root)) {
            problems.add(Problem.error("jbake.properties", line, key + "=" + name + " names a folder outside the site folder; "
                    + "write a folder inside it, such as " + key + "=" + fallback));
            return root.resolve(fallback);
        }
        return folder;
    }

    /** The line of {@code jbake.properties} that sets {@code key} (the last one, as Properties keeps), 0 when none does. */
    private static int lineOf(String key, List<String> lines) {
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.startsWith(key) && line.substring(key.length()).stripLeading().matches("[=:].*")) {
                found = i + 1;
            }
        }
        return found;
    }

    public Path root() {
        return root;
    }

    /** The reports: {@code content/} or {@code content.folder}. */
    public Path content() {
        return content;
    }

    public Path templates() {
        return templates;
    }

    public Path assets() {
        return assets;
    }

    /**
     * Whether a file under the content folder is left out by {@code content.exclude} in {@code jbake.properties}:
     * glob patterns relative to the content folder, separated by spaces ({@code subjects/** free-*.md}),
     * for pages in an archive that are not weekly reports.
     */
    public boolean excluded(Path file) {
        if (excludes.isEmpty()) {
            return false;
        }
        Path relative = content.relativize(file);
        return excludes.stream().anyMatch(glob -> glob.matches(relative));
    }

    /** Whether {@code file} is a report: Markdown, by its name's ending in any case ({@code .md}, {@code .markdown}, {@code W09.MD}). */
    public static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** A setting of the site's own {@code jbake.properties}, if it has one. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.getProperty(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The line of {@code jbake.properties} that sets {@code key}, for messages about its value; 0 when none does. */
    public int settingLine(String key) {
        return lineOf(key, settingLines);
    }

    /** Problems with the folder settings themselves. */
    public List<Problem> problems() {
        return problems;
    }

    /** What a build reads and must never write into. */
    public List<Path> readFolders() {
        return List.of(content, templates, assets);
    }

    /** The path of {@code file} as shown in messages: relative to the source folder, with forward slashes. */
    public String shown(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The readable files under {@code folder}, sorted, as paths under it (links not resolved, so names
     * stay the user's). Hidden files and folders are left out. Problems go to {@code problems}.
     */
    public List<Path> files(Path folder, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(folder) && isHidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return readable(dir, problems) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (isHidden(file) || !readable(file, problems)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attributes.isRegularFile()) {
                        files.add(file);
                    } else {
                        problems.add(Problem.warning(shown(file), 0, "not a regular file (a device, socket or pipe); skipped"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        problems.add(Problem.warning(shown(file), 0, "this folder link leads back into a folder that contains it; skipped"));
                    } else if (!isHidden(file)) {
                        problems.add(Problem.warning(shown(file), 0, "cannot read it (" + e.getMessage() + "); skipped"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.error(shown(folder), 0, "cannot list the folder: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }

    /** A settings file at the top of the site ({@code metrics.yaml}), if it is there and may be read. */
    public Optional<Path> settingsFile(String name, List<Problem> problems) {
        Path file = root.resolve(name);
        if (!Files.isRegularFile(file) || !readable(file, problems)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Whether {@code path} may be read; a link leading out of the site gets a warning. */
    private boolean readable(Path path, List<Problem> problems) {
        if (!Files.isSymbolicLink(path)) {
            return true;
        }
        Optional<Path> real = realPath(path);
        if (real.isEmpty()) {
            problems.add(Problem.warning(shown(path), 0, "this link points to nothing; skipped"));
            return false;
        }
        if (!insideAny(real.get(), readableRoots)) {
            problems.add(Problem.warning(shown(path), 0, "this link leads outside the site folder (to " + real.get()
                    + "); skipped, since a build reads nothing outside --source: copy the file into the site folder to publish it"));
            return false;
        }
        return true;
    }

    private static boolean insideAny(Path path, List<Path> roots) {
        Path real = realPath(path).orElse(path);
        return roots.stream().anyMatch(real::startsWith);
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
