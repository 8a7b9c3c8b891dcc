package dev.claudecode.console.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.console.session.OfflineModel;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.ToolResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat} with its input piped in, as in a script: each line is read when the one before it is
 * done, so the line after a prompt answers that prompt's permission question, and a question asked
 * when the input has ended is denied. Against the real CLI and scripted replies.
 */
class ChatPipedIT {

    @TempDir
    Path temp;

    @Test
    void theLineAfterAPromptAnswersItsQuestion() throws Exception {
        Path work = ConsoleCommands.directory(temp, "piped");
        try (FakeClaudeApi api = FakeClaudeApi.builder().defaultReply(OfflineModel.reply()).start()) {
            api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch made.txt", "description", "Create a file")),
                    Reply.text("Created."),
                    Reply.toolUse("Bash", Map.of("command", "rm made.txt", "description", "Delete the file")));
            ProcessBuilder builder = new ProcessBuilder(ConsoleCommands.command("chat")).directory(work.toFile()).redirectErrorStream(true);
            builder.environment().remove("ANTHROPIC_API_KEY");
            builder.environment().putAll(api.environment());
            builder.environment().putAll(ConsoleCommands.environment(temp));
            Process chat = builder.start();
            try {
                CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(chat));
                try (OutputStream stdin = chat.getOutputStream()) {
                    stdin.write("Make a file\ny\nRemove it\n".getBytes(StandardCharsets.UTF_8));
                }
                assertThat(chat.waitFor(90, TimeUnit.SECONDS)).as("chat ends with its input").isTrue();
                String printed = output.get(10, TimeUnit.SECONDS);

                assertThat(chat.exitValue()).as(printed).isZero();
                assertThat(printed).contains(
                        "> Make a file\n",
                        "Allow Bash(touch made.txt)? [y/N/always] y\n  allowed once\n",
                        "> Remove it\n",
                        "Allow Bash(rm made.txt)? [y/N/always] \n  denied: the input ended\n");
                assertThat(printed).doesNotContain("\033[");
                assertThat(work.resolve("made.txt")).exists();
                List<ToolResult> results = api.lastMainRequest().map(RecordedRequest::toolResults).orElseThrow();
                assertThat(results).extracting(ToolResult::isError).containsExactly(false, true);
            } finally {
                chat.descendants().forEach(ProcessHandle::destroyForcibly);
                chat.destroyForcibly();
            }
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
