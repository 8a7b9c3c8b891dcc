package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.InheritEnv;
import dev.claudecode.options.SessionStart;
import dev.claudecode.Session;
import dev.claudecode.errors.InvalidSessionIdException;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.PermissionDenial;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.ProcessTable;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.ToolResult;
import dev.claudecode.transport.LocalTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option values that look like flags stay values; the API key is in no process's arguments and in
 * no log line at any level; session ids that could escape the project directory are refused; the
 * CLI inherits exactly the environment the options allow; and a failing permission callback denies.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class SecurityIT {

    private static final String AREA = "security";

    @TempDir
    Path dir;

    private final String marker = UUID.randomUUID().toString();

    @Test
    void optionValuesThatBeginWithADashNeverBecomeFlags(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(dir).env(api.environment())
                .env("HARDENING_MARKER", marker)
                .model("-p")
                .allowedTools("--dangerously-skip-permissions")
                .disallowedTools("--help")
                .appendSystemPrompt("--help -p --verbose")
                .build();
        List<String> argv;
        List<Message> messages;
        try (Session session = ClaudeCode.start(options)) {
            messages = session.stream("hello").stream().toList();
            argv = ProcessTable.arguments(Procs.cli(marker));
        }
        // one argument each, so the CLI cannot read the value as a flag of its own
        assertThat(argv).contains("--model=-p", "--allowedTools=--dangerously-skip-permissions", "--disallowedTools=--help");
        assertThat(argv).doesNotContain("-p", "--dangerously-skip-permissions", "--help");
        // the system prompt travels in the initialize request, never on the command line
        assertThat(argv).noneMatch(argument -> argument.contains("--verbose") && !argument.equals("--verbose"));
        InitMessage init = (InitMessage) messages.getFirst();
        assertThat(init.model()).isEqualTo("-p");
        assertThat(init.permissionMode()).isEqualTo("default");
        assertThat(api.lastMainRequest().orElseThrow().model()).contains("-p");
        assertThat(api.lastMainRequest().orElseThrow().systemText()).contains("--help -p --verbose");
        Figures.record(AREA, "option values beginning with '-'", "3 of 3 command-line values (model, allowedTools, "
                + "disallowedTools) reached the CLI as single --flag=value arguments: init model '-p', permission mode "
                + "'default'; appendSystemPrompt '--help -p --verbose' in no argument, intact in the API's system prompt");
    }

    @Test
    void theApiKeyAppearsInNoProcessArgumentsAndInNoLogLine() throws Exception {
        String key = "sk-ant-api03-" + UUID.randomUUID() + "-hardening";
        Path keyFile = Files.writeString(dir.resolve("key.txt"), key);
        Path cwd = Files.createDirectories(dir.resolve("work"));
        Path leaky = StandIns.install(dir, "leaky.sh");
        try (FakeClaudeApi api = FakeClaudeApi.builder().apiKey(key).start()) {
            api.enqueue(Reply.toolUse("Bash", Map.of("command", "sleep 1; echo tool-ran", "description", "Sleep")),
                    Reply.text("the tool ran"));
            String javaCommand = ProcessHandle.current().info().command().orElseThrow();
            ProcessBuilder builder = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-Dorg.slf4j.simpleLogger.logFile=System.out",
                    SecretsChild.class.getName(), keyFile.toString(), cwd.toString(), leaky.toString())
                    .redirectErrorStream(true);
            Map<String, String> environment = new LinkedHashMap<>(api.environment());
            environment.remove("ANTHROPIC_API_KEY"); // the child passes the key with ClaudeCodeOptions.apiKey
            builder.environment().remove("ANTHROPIC_API_KEY");
            builder.environment().putAll(environment);
            builder.environment().put("HARDENING_MARKER", marker);
            Process child = builder.start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        output.add(line);
                    }
                } catch (IOException e) {
                    output.add("[reading failed: " + e + "]");
                }
            });

            // every process on the machine, again and again while the child runs
            Set<Long> childProcesses = new HashSet<>();
            List<String> leaks = new ArrayList<>();
            int scans = 0;
            boolean toolSeen = false;
            while (child.isAlive()) {
                scans++;
                for (long pid : ProcessTable.pids()) {
                    List<String> argv = ProcessTable.arguments(pid);
                    if (String.join(" ", argv).contains(key)) {
                        leaks.add(pid + ": " + argv);
                    }
                    if (marker.equals(Procs.environ(pid).get("HARDENING_MARKER"))) {
                        childProcesses.add(pid);
                        toolSeen |= argv.equals(List.of("sleep", "1"));
                    }
                }
                Thread.sleep(20);
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);

            String log = String.join("\n", output);
            assertThat(log).as(log).contains("DONE").contains("FAILED AS EXPECTED").contains("tool-ran");
            // the stand-in did print its key, on both streams: the library masked it
            assertThat(log).contains("debug: ANTHROPIC_API_KEY=***").contains("key *** rejected");
            assertThat(log).contains("TRACE").contains("launch: LaunchSpec");
            assertThat(leaks).as("the key in process arguments").isEmpty();
            assertThat(toolSeen).as("the Bash tool's process was seen").isTrue();
            List<String> leakingLines = output.stream().filter(line -> line.contains(key)).toList();
            assertThat(leakingLines).as("log lines with the key").isEmpty();
            Figures.record(AREA, "API key in argv and logs", String.format(
                    "%d scans of every process's argv (%d processes of the session, the Bash tool's included): 0 with the key; "
                            + "%,d output lines at TRACE: 0 with the key (a CLI printing it on stdout and stderr was masked)",
                    scans, childProcesses.size(), output.size()));
        }
    }

    /** {@code ClaudeCodeOptions.toString} masks the API key option, and the values of env() too. */
    @Test
    void optionsToStringShowsNoSecretFromTheEnvironmentOptions() {
        String key = "sk-ant-api03-" + UUID.randomUUID();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().env("ANTHROPIC_API_KEY", key)
                .env("ANTHROPIC_AUTH_TOKEN", "token-" + key).build();
        assertThat(options.toString()).doesNotContain(key).contains("ANTHROPIC_API_KEY");
        Figures.record(AREA, "ClaudeCodeOptions.toString", "names env variables, shows none of their values; apiKey masked");
    }

    /**
     * Whatever way the permission callback fails (an unchecked or a checked exception, an {@link
     * Error}, no answer at all), the tool is denied, the model reads why, and the session goes on.
     */
    @Test
    void aFailingPermissionCallbackDeniesTheTool(FakeClaudeApi api) throws Exception {
        Map<String, PermissionCallbackFailure> failures = new LinkedHashMap<>();
        failures.put("RuntimeException", () -> {
            throw new IllegalStateException("policy store unreachable");
        });
        failures.put("checked exception", () -> {
            throw new IOException("policy file unreadable");
        });
        failures.put("Error", () -> {
            throw new AssertionError("policy invariant broken");
        });
        failures.put("null answer", () -> null);
        Path work = Files.createDirectories(dir.resolve("work"));
        List<String> kinds = List.copyOf(failures.keySet());
        for (String kind : kinds) {
            api.enqueue(Reply.toolUse("Write", Map.of("file_path", work.resolve(fileName(kind)).toString(), "content", "x")),
                    Reply.text("denied: " + kind));
        }
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(work).env(api.environment())
                .canUseTool(request -> {
                    String kind = kinds.get(asked.size());
                    asked.add(kind);
                    return failures.get(kind).fail();
                }).build();
        try (Session session = ClaudeCode.start(options)) {
            for (String kind : kinds) {
                ResultMessage result = session.query("write " + fileName(kind));
                assertThat(result.result()).as(kind).contains("denied: " + kind);
                assertThat(result.permissionDenials()).as(kind).extracting(PermissionDenial::toolName).containsExactly("Write");
            }
        }
        assertThat(asked).isEqualTo(kinds);
        List<RecordedRequest> main = api.log().main();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            ToolResult denied = main.get(2 * i + 1).toolResults().getLast();
            assertThat(denied.isError()).as(kinds.get(i)).isTrue();
            reasons.add(denied.text());
            assertThat(work.resolve(fileName(kinds.get(i)))).doesNotExist();
        }
        assertThat(reasons.get(0)).contains("policy store unreachable");
        assertThat(reasons.get(1)).contains("policy file unreadable");
        assertThat(reasons.get(2)).contains("policy invariant broken");
        assertThat(reasons.get(3)).contains("gave no answer");
        Figures.record(AREA, "failing permission callback (real CLI)", String.format(
                "%d of %d failures denied the tool (%s); no file written; the model read each reason; one session went on",
                kinds.size(), kinds.size(), String.join(", ", kinds)));
    }

    /** One way for a permission callback to go wrong. */
    @FunctionalInterface
    private interface PermissionCallbackFailure {
        PermissionResult fail() throws Exception;
    }

    private static String fileName(String kind) {
        return kind.replace(' ', '-') + ".txt";
    }

    @Test
    void sessionIdsThatCouldEscapeTheProjectDirectoryAreRefused() {
        Path cli = StandIns.install(dir, "minimal.sh");
        // ids the stand-in can write into its JSON as they are
        List<String> reported = List.of("../../../etc/passwd", "a/b", "..", "%2e%2e%2fetc");
        List<String> resumed = List.of("../../../etc/passwd", "a/b", "..", "x\\..\\y", "%2e%2e%2fetc", "/etc/passwd");
        for (String id : reported) {
            // a CLI that reports such an id: the message carries it as it came, the session does not take it
            try (Session session = ClaudeCode.start(ClaudeCodeOptions.builder().cliPath(cli).cwd(dir)
                    .env("STAND_IN_SESSION_ID", id).build())) {
                assertThat(session.query("hello").sessionId()).contains(id);
                assertThat(session.sessionId()).as(id).isEmpty();
                assertThat(session.messages()).as(id).isEmpty();
            }
        }
        for (String id : resumed) {
            // a caller who asks to resume such an id
            try (Session session = ClaudeCode.start(ClaudeCodeOptions.builder().cliPath(cli).cwd(dir).start(SessionStart.resume(id)).build())) {
                assertThatThrownBy(session::messages).as(id).isInstanceOf(InvalidSessionIdException.class);
            }
        }
        int refused = reported.size() + resumed.size();
        Figures.record(AREA, "session ids with separators or '..'", refused + " of " + refused
                + " refused (" + reported.size() + " reported by the CLI: not taken by the session; " + resumed.size()
                + " given to resume: refused by Session.messages)");
    }

    @Test
    void theCliInheritsExactlyWhatTheOptionsAllow() throws Exception {
        Path cli = StandIns.install(dir, "minimal.sh");
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put("PATH", "/usr/bin:/bin");
        parent.put("HOME", "/home/someone");
        parent.put("LC_ALL", "C.UTF-8");
        parent.put("LC_CTYPE", "C.UTF-8");
        parent.put("LCX", "not a locale");
        parent.put("CLAUDECODE", "1");
        parent.put("MY_SERVICE_TOKEN", "token-of-the-parent");
        LocalTransport transport = LocalTransport.withBaseEnvironment(parent);
        Set<String> own = Set.of("CLAUDE_CODE_ENTRYPOINT", "CLAUDE_AGENT_SDK_VERSION", "HARDENING_MARKER",
                LocalTransport.LAUNCH_TAG);

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("all", union(own, Set.of("PATH", "HOME", "LC_ALL", "LC_CTYPE", "LCX", "MY_SERVICE_TOKEN")));
        expected.put("none", own);
        expected.put("only(PATH, LC_*)", union(own, Set.of("PATH", "LC_ALL", "LC_CTYPE")));
        Map<String, InheritEnv> filters = Map.of("all", InheritEnv.all(), "none", InheritEnv.none(),
                "only(PATH, LC_*)", InheritEnv.only("PATH", "LC_*"));

        for (Map.Entry<String, Set<String>> entry : expected.entrySet()) {
            ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(dir).env("HARDENING_MARKER", marker)
                    .inheritEnv(filters.get(entry.getKey())).build();
            try (Session session = ClaudeCode.start(options, transport)) {
                List<Long> pids = Procs.withEnv("HARDENING_MARKER", marker);
                assertThat(pids).hasSize(1);
                Map<String, String> environ = Procs.environ(pids.getFirst());
                assertThat(new TreeSet<>(environ.keySet())).as(entry.getKey()).isEqualTo(new TreeSet<>(entry.getValue()));
                assertThat(environ).doesNotContainKey("CLAUDECODE");
            }
        }
        Figures.record(AREA, "environment inheritance (stand-in, /proc/<pid>/environ)",
                "all, none and only(PATH, LC_*): exactly the allowed variables, CLAUDECODE never");
    }

    @Test
    void theRealCliRunsWithNothingInheritedAndWithoutClaudecode(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"), Reply.text("8"));
        Map<String, String> parent = new LinkedHashMap<>(System.getenv());
        parent.put("CLAUDECODE", "1");
        LocalTransport transport = LocalTransport.withBaseEnvironment(parent);
        for (InheritEnv inheritEnv : List.of(InheritEnv.none(), InheritEnv.all())) {
            ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(dir).env(api.environment())
                    .env("HARDENING_MARKER", marker).inheritEnv(inheritEnv).build();
            try (Session session = ClaudeCode.start(options, transport)) {
                assertThat(session.query("What is 5 + 3?").result()).contains("8");
                long cli = Procs.cli(marker);
                Map<String, String> environ = Procs.environ(cli);
                assertThat(environ).doesNotContainKey("CLAUDECODE");
                if (inheritEnv instanceof InheritEnv.None) {
                    assertThat(environ).doesNotContainKey("PATH");
                    // the only HOME is the fake API's own empty one, none inherited
                    assertThat(environ).containsEntry("HOME", api.environment().get("HOME"));
                    assertThat(environ.keySet()).allMatch(name -> api.environment().containsKey(name)
                            || Set.of("CLAUDE_CODE_ENTRYPOINT", "CLAUDE_AGENT_SDK_VERSION", "HARDENING_MARKER",
                                    LocalTransport.LAUNCH_TAG).contains(name));
                } else {
                    assertThat(environ).containsKey("PATH");
                }
            }
        }
        Figures.record(AREA, "environment inheritance (real CLI)",
                "InheritEnv.none(): a working CLI with only the options' variables; all(): CLAUDECODE removed");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
