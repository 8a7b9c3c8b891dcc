package dev.claudecode.internal.control;

import dev.claudecode.control.AccountInfo;
import dev.claudecode.control.AgentInfo;
import dev.claudecode.control.ModelInfo;
import dev.claudecode.control.ServerInfo;
import dev.claudecode.internal.protocol.Fields;
import dev.claudecode.internal.protocol.SystemMessageDecoder;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the answer to {@code initialize} into a {@link ServerInfo}. Tolerant like every decoder
 * here: a missing or mistyped field reads as absent, unknown fields stay in {@code raw}.
 */
public final class ServerInfoDecoder {

    private ServerInfoDecoder() {
    }

    /**
     * @param response the {@code response} payload of the answer
     * @return the server info
     */
    public static ServerInfo decode(JsonNode response) {
        return new ServerInfo(
                SystemMessageDecoder.slashCommands(response.get("commands")),
                Fields.objects(response, "agents", ServerInfoDecoder::agent),
                Fields.objects(response, "models", ServerInfoDecoder::model),
                account(Fields.object(response, "account")),
                Fields.string(response, "output_style"),
                Fields.strings(response, "available_output_styles"),
                Fields.optString(response, "fast_mode_state"),
                Fields.optLong(response, "pid"),
                Fields.raw(response));
    }

    private static AgentInfo agent(JsonNode agent) {
        return new AgentInfo(Fields.string(agent, "name"), Fields.string(agent, "description"), Fields.optString(agent, "model"));
    }

    /**
     * @param model one entry of {@code models}, as {@code initialize} and {@code list_models} give it
     * @return the model
     */
    static ModelInfo model(JsonNode model) {
        return new ModelInfo(
                Fields.string(model, "value"),
                Fields.optString(model, "resolvedModel"),
                Fields.string(model, "displayName"),
                Fields.string(model, "description"),
                Fields.bool(model, "supportsEffort"),
                Fields.strings(model, "supportedEffortLevels"),
                Fields.bool(model, "supportsAdaptiveThinking"),
                Fields.bool(model, "supportsFastMode"),
                Fields.bool(model, "supportsAutoMode"));
    }

    private static AccountInfo account(JsonNode account) {
        return new AccountInfo(
                Fields.optString(account, "email"),
                Fields.optString(account, "organization"),
                Fields.optString(account, "subscriptionType"),
                Fields.optString(account, "tokenSource"),
                Fields.optString(account, "apiKeySource"),
                Fields.optString(account, "apiProvider"));
    }
}
