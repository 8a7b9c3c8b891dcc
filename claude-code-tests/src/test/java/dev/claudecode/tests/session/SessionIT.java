package dev.claudecode.tests.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.UserInput;
import dev.claudecode.content.ImageBlock;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.testkit.ApiMessage;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Session lifecycle against the real CLI through {@link FakeClaudeApi}. */
@ExtendWith(FakeClaudeApiExtension.class)
class SessionIT {

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    @Test
    void queryReturnsTheScriptedAnswerAndTheApiSawThePrompt(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"));
        ResultMessage result = ClaudeCode.query("What is 5 + 3?", options(api).build());

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.result()).contains("8");
        assertThat(api.lastMainRequest().orElseThrow().lastUserText()).contains("What is 5 + 3?");
    }

    @Test
    void aTurnStreamsInitAssistantAndResultInOrder(FakeClaudeApi api) {
        api.enqueue(Reply.text("Hello there"));
        try (Session session = ClaudeCode.start(options(api).build());
                MessageStream turn = session.stream("hello")) {
            List<Message> messages = turn.stream().toList();

            assertThat(messages.getFirst()).isInstanceOf(InitMessage.class);
            assertThat(messages.getLast()).isInstanceOf(ResultMessage.class);
            assertThat(messages).filteredOn(AssistantMessage.class::isInstance)
                    .map(m -> ((AssistantMessage) m).text()).containsExactly("Hello there");
            assertThat(session.sessionId()).isPresent().get().isEqualTo(messages.getLast().sessionId().orElseThrow());
            assertThat(turn.finalText()).isEqualTo("Hello there");
        }
    }

    @Test
    void turnsShareOneProcessAndTheConversation(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"), Reply.text("16"));
        try (Session session = ClaudeCode.start(options(api).build())) {
            assertThat(session.stream("What is 5 + 3?").finalText()).isEqualTo("8");
            assertThat(session.stream("And times 2?").finalText()).isEqualTo("16");
        }
        List<ApiMessage> second = api.lastMainRequest().orElseThrow().messages();
        assertThat(second).extracting(ApiMessage::text).anyMatch(t -> t.contains("What is 5 + 3?"));
        assertThat(second).extracting(ApiMessage::text).anyMatch(t -> t.contains("8"));
    }

    @Test
    void turnsAskedForTogetherRunOneAtATimeInOrder(FakeClaudeApi api) {
        api.enqueue(Reply.builder().text("first answer").eventDelay(Duration.ofMillis(20)).build(), Reply.text("second answer"),
                Reply.text("third answer"));
        try (Session session = ClaudeCode.start(options(api).build())) {
            MessageStream first = session.stream("one");
            MessageStream second = session.stream("two");
            CompletableFuture<ResultMessage> third = session.queryAsync("three");

            assertThat(third.join().result()).contains("third answer");
            assertThat(second.finalText()).isEqualTo("second answer");
            assertThat(first.finalText()).isEqualTo("first answer");
        }
        List<String> prompts = api.log().main().stream().map(r -> r.lastUserText().orElse(""))
                .filter(List.of("one", "two", "three")::contains).toList();
        assertThat(prompts).containsExactly("one", "two", "three");
    }

    @Test
    void clearStartsANewConversation(FakeClaudeApi api) {
        api.enqueue(Reply.text("remembered"), Reply.text("fresh"));
        try (Session session = ClaudeCode.start(options(api).build())) {
            session.query("Remember the word pineapple");
            String firstId = session.sessionId().orElseThrow();
            session.clear();
            session.query("What word?");
            assertThat(session.sessionId()).isPresent().get().isNotEqualTo(firstId);
        }
        RecordedRequest last = api.lastMainRequest().orElseThrow();
        assertThat(last.allUserText()).contains("What word?").doesNotContain("pineapple");
        assertThat(last.messages()).noneSatisfy(m -> assertThat(m.text()).contains("remembered"));
    }

    @Test
    void closingAStreamEarlyInterruptsTheTurnInTheCli(FakeClaudeApi api) {
        api.enqueue(Reply.builder().text("word ".repeat(400)).textChunkSize(5).eventDelay(Duration.ofMillis(25)).build(),
                Reply.text("next"));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(options(api).includePartialMessages(true).build())) {
            session.addListener(seen::add);
            try (MessageStream turn = session.stream("talk a lot")) {
                untilStreaming(turn);
            }
            long started = System.nanoTime();
            assertThat(session.stream("and now?").finalText()).isEqualTo("next");
            // the slow reply alone would take over 10 s to stream
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
        assertThat(seen).filteredOn(ResultMessage.class::isInstance).map(m -> ((ResultMessage) m).subtype())
                .contains("error_during_execution");
    }

    @Test
    void interruptEndsTheTurnInProgress(FakeClaudeApi api) {
        api.enqueue(Reply.builder().text("slow ".repeat(400)).textChunkSize(5).eventDelay(Duration.ofMillis(25)).build());
        try (Session session = ClaudeCode.start(options(api).includePartialMessages(true).build());
                MessageStream turn = session.stream("talk slowly")) {
            untilStreaming(turn);
            session.interrupt();
            ResultMessage result = turn.result();
            assertThat(result.subtype()).isEqualTo("error_during_execution");
            assertThat(result.isError()).isTrue();
        }
    }

    @Test
    void theListenerSeesEveryMessageOfEveryTurn(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("a"), Reply.text("b"));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(options(api).build())) {
            session.addListener(seen::add);
            List<Message> streamed = new ArrayList<>(session.stream("first").stream().toList());
            streamed.addAll(session.stream("second").stream().toList());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.size() < streamed.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(seen).containsExactlyElementsOf(streamed);
        }
    }

    @Test
    void killingTheCliMidTurnFailsTheTurnAndTheNextTurnResumes(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("before"),
                Reply.builder().text("never ".repeat(400)).textChunkSize(5).eventDelay(Duration.ofMillis(50)).build(),
                Reply.text("after"));
        try (Session session = ClaudeCode.start(options(api).includePartialMessages(true).build())) {
            session.query("first question");
            String sessionId = session.sessionId().orElseThrow();
            long pid = cliPid(session);
            MessageStream doomed = session.stream("second question");
            java.util.Iterator<Message> messages = untilStreaming(doomed);
            long killedAt = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            assertThatThrownBy(() -> messages.forEachRemaining(m -> { }))
                    .isInstanceOf(CliProcessException.class)
                    .satisfies(e -> assertThat(((CliProcessException) e).exitStatus()).as(e.toString()).isPresent());
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(1));

            assertThat(session.stream("third question").finalText()).isEqualTo("after");
            assertThat(session.sessionId()).contains(sessionId);
            assertThat(cliPid(session)).isNotEqualTo(pid);
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("first question", "third question");
    }

    @Test
    void aCliKilledBeforeItSavedTheConversationIsReplacedByOneInANewConversation(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("noted"), Reply.text("fresh start"), Reply.text("still here"));
        try (Session session = ClaudeCode.start(options(api).build())) {
            session.query("first question");
            String lost = session.sessionId().orElseThrow();
            long pid = cliPid(session);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            awaitExit(pid);
            // as if the CLI had died before writing the turn: nothing on disk to resume
            try (var files = java.nio.file.Files.walk(api.configDir())) {
                for (Path file : files.filter(f -> f.getFileName().toString().equals(lost + ".jsonl")).toList()) {
                    java.nio.file.Files.delete(file);
                }
            }

            assertThat(session.query("second question").result()).contains("fresh start");
            assertThat(session.sessionId()).isPresent().get().isNotEqualTo(lost);
            assertThat(session.query("third question").result()).contains("still here");
        }
        List<RecordedRequest> main = api.log().main();
        assertThat(main.get(1).allUserText()).contains("second question").doesNotContain("first question");
        assertThat(main.get(2).allUserText()).contains("second question", "third question");
    }

    private static void awaitExit(long pid) throws Exception {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    @Test
    void userInputCarriesImagesAndTheCallersUuid(FakeClaudeApi api) {
        api.enqueue(Reply.text("a red pixel"));
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");
        String uuid = "2b7f5d58-4a11-4c55-9c37-8f1f0c2f4e01";
        List<Message> replayed;
        try (Session session = ClaudeCode.start(options(api).replayUserMessages(true).build())) {
            UserInput input = UserInput.builder().text("What is in this image?").image(ImageBlock.of(png)).uuid(uuid).build();
            replayed = session.stream(input).stream().toList();
        }
        assertThat(replayed).anyMatch(m -> m.uuid().filter(uuid::equals).isPresent());
        List<ApiMessage> sent = api.lastMainRequest().orElseThrow().messages();
        assertThat(sent).anySatisfy(m -> assertThat(m.blocks("image")).hasSize(1));
    }

    @Test
    void stopFailsQueuedTurnsAndLeavesNoProcess(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.builder().text("slow ".repeat(200)).textChunkSize(5).eventDelay(Duration.ofMillis(25)).build());
        Session session = ClaudeCode.start(options(api).includePartialMessages(true).build());
        MessageStream running = session.stream("one");
        MessageStream queued = session.stream("two");
        java.util.Iterator<Message> iterator = untilStreaming(running);
        long pid = cliPid(session);
        session.stop();

        assertThatThrownBy(queued::result).isInstanceOf(SessionClosedException.class);
        List<Message> rest = new ArrayList<>();
        iterator.forEachRemaining(rest::add);
        assertThat(((ResultMessage) rest.getLast()).subtype()).isEqualTo("error_during_execution");
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(session.isAlive()).isFalse();
        assertThatThrownBy(() -> session.stream("three")).isInstanceOf(SessionClosedException.class);
    }

    @Test
    void aCliThatExitsAtStartFailsTheTurnWithItsStatusAndStderr(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api).extraArg("--no-such-flag").build())) {
            assertThatThrownBy(() -> session.query("hello"))
                    .isInstanceOf(CliProcessException.class)
                    .hasMessageContaining("no-such-flag")
                    .satisfies(e -> assertThat(((CliProcessException) e).exitStatus()).hasValue(1));
        }
    }

    @Test
    void aMissingCliIsReportedAtStart(FakeClaudeApi api) {
        assertThatThrownBy(() -> ClaudeCode.start(options(api).cliPath(cwd.resolve("no-claude-here")).build()))
                .isInstanceOf(dev.claudecode.errors.CliNotFoundException.class)
                .hasMessageContaining("no-claude-here");
    }

    /** Reads a turn until the model's answer is streaming, so an interrupt or kill hits the API call. */
    static java.util.Iterator<Message> untilStreaming(MessageStream turn) {
        java.util.Iterator<Message> iterator = turn.iterator();
        while (iterator.hasNext()) {
            Message message = iterator.next();
            if (message instanceof StreamEventMessage event
                    && event.event() instanceof dev.claudecode.message.stream.ContentBlockDelta) {
                return iterator;
            }
        }
        throw new AssertionError("the turn ended before its answer streamed");
    }

    static long cliPid(Session session) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("claude")).orElse(false))
                .filter(ProcessHandle::isAlive)
                .mapToLong(ProcessHandle::pid).max().orElseThrow();
    }
}
