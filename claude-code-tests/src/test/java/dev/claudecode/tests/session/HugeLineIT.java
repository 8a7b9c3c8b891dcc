package dev.claudecode.tests.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 64 MB stdout line arrives whole, as one typed message, and the session goes on. */
class HugeLineIT {

    private static final int SIZE = 64 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void a64MegabyteAssistantLineArrivesWhole() throws IOException {
        Path cli = FakeCli.install(dir, "huge-line.sh");
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(dir)
                .env("HUGE_LINE_BYTES", Integer.toString(SIZE)).build();
        try (Session session = ClaudeCode.start(options); MessageStream turn = session.stream("big")) {
            List<Message> messages = turn.stream().toList();
            AssistantMessage assistant = (AssistantMessage) messages.get(1);
            assertThat(assistant.text()).hasSize(SIZE);
            assertThat(assistant.text().charAt(SIZE - 1)).isEqualTo('x');
            assertThat(((ResultMessage) messages.getLast()).result()).contains("done");
            assertThat(session.query("again").result()).contains("done");
        }
    }

    /** Copies a stand-in CLI script from the test resources into an executable file. */
    static final class FakeCli {
        static Path install(Path dir, String name) throws IOException {
            Path script = dir.resolve(name);
            try (InputStream in = HugeLineIT.class.getResourceAsStream("/fake-cli/" + name)) {
                Files.copy(in, script);
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        }
    }
}
