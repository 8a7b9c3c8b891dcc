package dev.claudecode.console.session;

import dev.claudecode.message.InitMessage;
import dev.claudecode.message.ModelUsage;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.Usage;
import dev.claudecode.permission.PermissionMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The controls as far as the library's session offers them today: a new model or permission mode
 * takes effect by restarting the CLI between turns with the new option, resuming the conversation;
 * MCP status comes from the servers the CLI listed when the session initialised; context usage is
 * estimated from the last turn's token usage. Rewinding files needs a control request that the
 * session does not offer.
 */
final class ResumingControls implements SessionControls {

    private final LiveSession live;

    ResumingControls(LiveSession live) {
        this.live = live;
    }

    @Override
    public void setModel(String model) {
        live.restart("model: " + model + " (the CLI restarted and resumed the conversation)", options -> options.model(model));
    }

    @Override
    public void setPermissionMode(PermissionMode mode) {
        live.restart("permission mode: " + mode + " (the CLI restarted and resumed the conversation)",
                options -> options.permissionMode(mode));
    }

    @Override
    public List<McpServerView> mcpStatus() {
        return live.lastInit().map(InitMessage::mcpServers).orElse(List.of()).stream()
                .map(server -> new McpServerView(server.name(), server.status(), Optional.empty(), List.of()))
                .toList();
    }

    @Override
    public ContextUsageView contextUsage() {
        Optional<ResultMessage> result = live.lastResult();
        if (result.isEmpty()) {
            return new ContextUsageView(0, OptionalLong.empty(), List.of(), "no turn has run yet");
        }
        Usage usage = result.get().usage();
        long input = usage.inputTokens() + usage.cacheCreationInputTokens() + usage.cacheReadInputTokens();
        long window = result.get().modelUsage().values().stream().mapToLong(ModelUsage::contextWindow).max().orElse(0);
        return new ContextUsageView(input + usage.outputTokens(), window > 0 ? OptionalLong.of(window) : OptionalLong.empty(),
                List.of(new ContextUsageView.Category("input", input), new ContextUsageView.Category("output", usage.outputTokens())),
                "estimated from the last turn's token usage");
    }

    @Override
    public RewindView rewindFiles(String userMessageId, boolean dryRun) {
        throw new UnsupportedOperationException(
                "rewinding files needs the session's rewind_files control, which this version of the library does not offer");
    }
}
