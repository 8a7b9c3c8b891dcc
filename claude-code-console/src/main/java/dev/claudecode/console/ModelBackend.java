package dev.claudecode.console;

import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.StandInModel;
import java.util.Map;
import java.util.Optional;

/**
 * Which model answers: the real API when {@code ANTHROPIC_API_KEY} is set, else the built-in
 * offline stand-in model, served on loopback for the CLI to talk to.
 */
final class ModelBackend implements AutoCloseable {

    private final Optional<FakeClaudeApi> standIn;

    private ModelBackend(Optional<FakeClaudeApi> standIn) {
        this.standIn = standIn;
    }

    /**
     * @param offline whether the stand-in must answer even when a key is set
     * @param environment the program's environment
     * @return the backend to use
     */
    static ModelBackend choose(boolean offline, Map<String, String> environment) {
        String key = environment.get("ANTHROPIC_API_KEY");
        if (!offline && key != null && !key.isBlank()) {
            return new ModelBackend(Optional.empty());
        }
        return new ModelBackend(Optional.of(FakeClaudeApi.standIn()));
    }

    /** @return whether the offline stand-in answers */
    boolean isOffline() {
        return standIn.isPresent();
    }

    /** @return variables that point the CLI at the backend (none for the real API) */
    Map<String, String> environment() {
        return standIn.map(FakeClaudeApi::environment).orElse(Map.of());
    }

    /** @return a line that says which model answers */
    String banner() {
        return isOffline()
                ? StandInModel.LABEL + " no ANTHROPIC_API_KEY is set, so a built-in offline stand-in answers"
                : "using the Anthropic API (ANTHROPIC_API_KEY is set)";
    }

    @Override
    public void close() {
        standIn.ifPresent(FakeClaudeApi::close);
    }
}
