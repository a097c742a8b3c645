package io.github.weeklyarchive.site;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import io.github.weeklyarchive.report.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what JBake reports about a failed render into one {@code templates/x.ftl:line: error:} line.
 * JBake keeps only the message text of document render errors, so the template name and line are
 * read from FreeMarker's wording when the exception itself is gone.
 */
final class TemplateErrors {

    private static final Pattern LOCATION = Pattern.compile("in template \"([^\"]+)\" at line (\\d+)");
    private static final Pattern EXPRESSION = Pattern.compile("==> (.+?)\\s+\\[in template");

    private TemplateErrors() {
    }

    static Problem toProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof freemarker.template.TemplateNotFoundException missing) {
                return Problem.error(templatePath(missing.getTemplateName()), 0, "template not found: write this file, "
                        + "or name another in jbake.properties (template.TYPE.file=…)");
            }
            if (t instanceof TemplateException te && te.getTemplateSourceName() != null && te.getLineNumber() != null) {
                return Problem.error(templatePath(te.getTemplateSourceName()), te.getLineNumber(), describe(te.getMessageWithoutStackTop()));
            }
            if (t instanceof ParseException pe && pe.getTemplateName() != null) {
                return Problem.error(templatePath(pe.getTemplateName()), pe.getLineNumber(), describe(pe.getEditorMessage()));
            }
        }
        String message = String.valueOf(error.getMessage());
        Matcher location = LOCATION.matcher(message);
        if (location.find()) {
            return Problem.error(templatePath(location.group(1)), Integer.parseInt(location.group(2)), describe(message));
        }
        return Problem.error("templates", 0, "the site could not be rendered: " + firstLine(message));
    }

    private static String describe(String freemarkerMessage) {
        String text = String.valueOf(freemarkerMessage);
        Matcher expression = EXPRESSION.matcher(text);
        String detail = expression.find() ? " (" + expression.group(1).strip() + ")" : "";
        String first = firstLine(text.replaceFirst("(?s)^.*?Cause: ", ""));
        return "template error: " + first + detail;
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    private static String templatePath(String templateName) {
        // A built-in template is still named by this path: copying it there is how a user changes it.
        return "templates/" + templateName;
    }
}
