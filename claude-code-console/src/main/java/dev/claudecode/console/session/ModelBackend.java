package dev.claudecode.console.session;

import dev.claudecode.history.History;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.StandInModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which model answers: the real API when {@code ANTHROPIC_API_KEY} is set, else the built-in
 * offline stand-in model, served on loopback for the CLI to talk to.
 */
public final class ModelBackend implements AutoCloseable {

    private final Optional<FakeClaudeApi> standIn;
    private final Optional<Path> configDir;
    private final Map<String, String> environment;

    private ModelBackend(Optional<FakeClaudeApi> standIn, Optional<Path> configDir, Map<String, String> environment) {
        this.standIn = standIn;
        this.configDir = configDir;
        this.environment = environment;
    }

    /**
     * Chooses the backend.
     *
     * @param offline whether the stand-in must answer even when a key is set
     * @param environment the program's environment
     * @param configDir where the CLI keeps its sessions ({@code CLAUDE_CONFIG_DIR}); empty for the usual
     *     place with the real API, and a temporary directory, removed at close, with the stand-in
     * @return the backend to use
     */
    public static ModelBackend choose(boolean offline, Map<String, String> environment, Optional<Path> configDir) {
        String key = environment.get("ANTHROPIC_API_KEY");
        Map<String, String> variables = new LinkedHashMap<>();
        if (!offline && key != null && !key.isBlank()) {
            configDir.ifPresent(dir -> variables.put("CLAUDE_CONFIG_DIR", dir.toAbsolutePath().toString()));
            return new ModelBackend(Optional.empty(), configDir, Map.copyOf(variables));
        }
        FakeClaudeApi api = FakeClaudeApi.builder()
                .defaultReply(OfflineModel.reply())
                .sideReply(OfflineModel.sideReply())
                .start();
        variables.putAll(api.environment());
        configDir.ifPresent(dir -> variables.put("CLAUDE_CONFIG_DIR", dir.toAbsolutePath().toString()));
        return new ModelBackend(Optional.of(api), configDir, Map.copyOf(variables));
    }

    /** @return whether the offline stand-in answers */
    public boolean isOffline() {
        return standIn.isPresent();
    }

    /** @return variables that point the CLI at the backend and its config directory */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return the config directory the CLI keeps this backend's sessions in */
    public Path configDir() {
        return configDir.or(() -> standIn.map(FakeClaudeApi::configDir)).orElseGet(History::defaultConfigDir);
    }

    /** @return a line that says which model answers */
    public String banner() {
        return isOffline()
                ? StandInModel.LABEL + " no ANTHROPIC_API_KEY is set, so a built-in offline stand-in answers"
                : "using the Anthropic API (ANTHROPIC_API_KEY is set)";
    }

    @Override
    public void close() {
        standIn.ifPresent(FakeClaudeApi::close);
    }
}
