package dev.claudecode.console.terminal;

import dev.claudecode.console.session.SessionRow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Prints stored sessions as a table: id, when modified, messages, project and title. */
public final class SessionTable {

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final String ROW = "%-36s  %-16s  %5s  %-20s  %s%n";

    private SessionTable() {
    }

    /**
     * Prints the table.
     *
     * @param rows the sessions
     * @param out where to print
     */
    public static void print(List<SessionRow> rows, PrintStream out) {
        out.printf(ROW, "ID", "MODIFIED", "MSGS", "PROJECT", "TITLE / FIRST PROMPT");
        for (SessionRow row : rows) {
            out.printf(ROW, row.sessionId(), MODIFIED.format(row.modified()),
                    row.messages().isPresent() ? String.valueOf(row.messages().getAsInt()) : "?",
                    cut(projectName(row.project()), 20), cut(row.title(), 70));
        }
        out.flush();
    }

    private static String projectName(String project) {
        if (project.isEmpty()) {
            return "";
        }
        Path name = Path.of(project).getFileName();
        return name == null ? project : name.toString();
    }

    private static String cut(String raw, int max) {
        String text = TerminalText.sanitize(raw).replace('\n', ' ').replace('\t', ' ');
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
