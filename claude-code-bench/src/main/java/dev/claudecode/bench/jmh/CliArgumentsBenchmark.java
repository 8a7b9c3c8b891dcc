package dev.claudecode.bench.jmh;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.internal.launch.CliArguments;
import dev.claudecode.permission.PermissionMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The argv builder, {@link CliArguments#of}, for default options and for options that set many flags. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CliArgumentsBenchmark {

    private ClaudeCodeOptions defaults;
    private ClaudeCodeOptions rich;

    /** Builds the two option sets. */
    @Setup
    public void setUp() {
        defaults = ClaudeCodeOptions.builder().build();
        rich = ClaudeCodeOptions.builder()
                .model("claude-sonnet-4-5")
                .fallbackModel("claude-haiku-4-5")
                .systemPrompt("You are a careful reviewer.")
                .appendSystemPrompt("Answer briefly.")
                .maxTurns(8)
                .maxBudgetUsd(1.5)
                .permissionMode(PermissionMode.ACCEPT_EDITS)
                .allowedTools(List.of("Read", "Grep", "Bash(git log *)"))
                .disallowedTools(List.of("WebFetch"))
                .addDirs(List.of(Path.of("/srv/shared"), Path.of("/srv/docs")))
                .cwd(Path.of("/srv/project"))
                .env(Map.of("FOO", "bar"))
                .includePartialMessages(true)
                .build();
    }

    /** @return the arguments for default options */
    @Benchmark
    public List<String> defaults() {
        return CliArguments.of(defaults);
    }

    /** @return the arguments for options that set many flags */
    @Benchmark
    public List<String> rich() {
        return CliArguments.of(rich);
    }
}
