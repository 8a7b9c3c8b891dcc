package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.awaitMessage;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.message.Message;
import dev.claudecode.message.TaskNotificationMessage;
import dev.claudecode.message.TaskStartedMessage;
import dev.claudecode.message.TaskUpdatedMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** stopTask on a real background Bash task. */
@ExtendWith(FakeClaudeApiExtension.class)
class StopTaskIT {

    @TempDir
    Path cwd;

    @Test
    void stoppingABackgroundTaskEndsItWithAStoppedNotification(FakeClaudeApi api) throws Exception {
        String marker = "sleep 37.5";
        api.enqueue(
                Reply.toolUse("Bash", Map.of("command", marker, "description", "Sleep in background", "run_in_background", true)),
                Reply.text("Started a background sleep."));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(options(api, cwd).allowedTools("Bash").build())) {
            session.addListener(seen::add);
            session.query("start a background sleep");
            TaskStartedMessage started = awaitMessage(seen, TaskStartedMessage.class, m -> true);
            assertThat(started.taskType()).contains("local_bash");
            assertThat(sleeps(marker)).as("the background command runs").isTrue();

            session.control().stopTask(started.taskId());

            TaskNotificationMessage notification = awaitMessage(seen, TaskNotificationMessage.class,
                    m -> m.taskId().equals(started.taskId()));
            assertThat(notification.status()).isEqualTo("stopped");
            assertThat(seen).filteredOn(TaskUpdatedMessage.class::isInstance).map(m -> ((TaskUpdatedMessage) m).patch().get("status"))
                    .contains("killed");
            ControlFixtures.await("the background command is gone", () -> !sleeps(marker));

            session.control().stopTask(started.taskId());
            session.control().stopTask("no-such-task");
        }
    }

    private static boolean sleeps(String command) {
        return ProcessHandle.current().descendants()
                .anyMatch(p -> p.isAlive() && p.info().commandLine().map(line -> line.contains(command)).orElse(false));
    }
}
