package dev.claudecode.store.jdbc;

import dev.claudecode.options.SessionStart;
import dev.claudecode.ClaudeCode;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The second JVM of {@link ResumeAcrossJvmsIT}: resumes a session from PostgreSQL and runs one
 * turn. Arguments: the CLI, the working directory, the session id, the prompt. The database is
 * named by {@code CLAUDE_TEST_PG_PORT}, {@code CLAUDE_TEST_PG_USER} and {@code CLAUDE_TEST_PG_PASSWORD}
 * in the environment (never on the command line), which also points the CLI at its config directory
 * and model API. Prints {@code RESULT <session id> <text>}.
 */
public final class ResumeChild {

    private ResumeChild() {
    }

    /**
     * Runs the turn.
     *
     * @param args the CLI, the working directory, the session id, the prompt
     */
    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {Integer.parseInt(System.getenv("CLAUDE_TEST_PG_PORT"))});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser(System.getenv("CLAUDE_TEST_PG_USER"));
        dataSource.setPassword(System.getenv("CLAUDE_TEST_PG_PASSWORD"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .cliPath(Path.of(args[0]))
                .cwd(Path.of(args[1]))
                .sessionStore(JdbcSessionStore.builder(dataSource).build())
                .start(SessionStart.resume(args[2]))
                .build();
        ResultMessage result = ClaudeCode.query(args[3], options);
        System.out.println("RESULT " + result.sessionId().orElse("-") + " " + result.result().orElse(""));
    }
}
