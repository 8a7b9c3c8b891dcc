package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.ControlException;
import dev.claudecode.control.RewindResult;
import dev.claudecode.Session;
import dev.claudecode.UserInput;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** rewindFiles on a real directory: the model writes and edits files, the rewind puts them back. */
@ExtendWith(FakeClaudeApiExtension.class)
class RewindFilesIT {

    private static final String FIRST = UUID.randomUUID().toString();
    private static final String SECOND = UUID.randomUUID().toString();

    @TempDir
    Path cwd;

    private void scriptTwoTurns(FakeClaudeApi api) {
        Path a = cwd.resolve("a.txt");
        Path b = cwd.resolve("b.txt");
        api.enqueue(
                Reply.toolUse("Write", Map.of("file_path", a.toString(), "content", "v1\n")),
                Reply.text("Created a.txt"),
                Reply.toolUse("Edit", Map.of("file_path", a.toString(), "old_string", "v1", "new_string", "v2", "replace_all", false)),
                Reply.toolUse("Write", Map.of("file_path", b.toString(), "content", "new file b\n")),
                Reply.text("Edited a.txt, created b.txt"));
    }

    private void runTwoTurns(Session session) {
        ResultMessage first = session.stream(UserInput.text("create a.txt").withUuid(FIRST)).result();
        ResultMessage second = session.stream(UserInput.text("edit a.txt and create b.txt").withUuid(SECOND)).result();
        assertThat(first.isSuccess()).as(first.toString()).isTrue();
        assertThat(second.isSuccess()).as(second.toString()).isTrue();
    }

    private ClaudeCodeOptions.Builder writer(FakeClaudeApi api) {
        return options(api, cwd).allowedTools("Write", "Edit");
    }

    @Test
    void rewindRestoresEditedFilesAndRemovesCreatedOnes(FakeClaudeApi api) throws Exception {
        scriptTwoTurns(api);
        Path a = cwd.resolve("a.txt");
        Path b = cwd.resolve("b.txt");
        try (Session session = ClaudeCode.start(writer(api).enableFileCheckpointing(true).build())) {
            runTwoTurns(session);
            assertThat(Files.readString(a)).isEqualTo("v2\n");
            assertThat(Files.readString(b)).isEqualTo("new file b\n");

            RewindResult dryRun = session.control().rewindFiles(SECOND, true);
            assertThat(dryRun.canRewind()).isTrue();
            assertThat(dryRun.filesChanged()).containsExactlyInAnyOrder(a.toString(), b.toString());
            assertThat(dryRun.insertions()).isPresent();
            assertThat(dryRun.deletions()).isPresent();
            assertThat(Files.readString(a)).as("a dry run changes nothing").isEqualTo("v2\n");
            assertThat(b).exists();

            RewindResult rewound = session.control().rewindFiles(SECOND, false);
            assertThat(rewound.canRewind()).isTrue();
            assertThat(Files.readString(a)).isEqualTo("v1\n");
            assertThat(b).doesNotExist();

            session.control().rewindFiles(FIRST, false);
            assertThat(a).doesNotExist();

            assertThatThrownBy(() -> session.control().rewindFiles(UUID.randomUUID().toString(), false))
                    .isInstanceOf(ControlException.class).hasMessageContaining("No file checkpoint found for this message.");
        }
    }

    @Test
    void withoutCheckpointingADryRunSaysSoAndARewindFails(FakeClaudeApi api) throws Exception {
        scriptTwoTurns(api);
        try (Session session = ClaudeCode.start(writer(api).build())) {
            runTwoTurns(session);

            RewindResult dryRun = session.control().rewindFiles(SECOND, true);
            assertThat(dryRun.canRewind()).isFalse();
            assertThat(dryRun.error()).contains("File rewinding is not enabled.");
            assertThatThrownBy(() -> session.control().rewindFiles(SECOND, false))
                    .isInstanceOf(ControlException.class).hasMessageContaining("File rewinding is not enabled.");
        }
        assertThat(Files.readString(cwd.resolve("a.txt"))).isEqualTo("v2\n");
        assertThat(cwd.resolve("b.txt")).exists();
    }
}
