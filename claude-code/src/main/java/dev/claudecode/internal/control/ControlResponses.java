package dev.claudecode.internal.control;

import dev.claudecode.control.BinaryVersion;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.RewindResult;
import dev.claudecode.internal.protocol.Fields;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decodes the small answers: {@code rewind_files}, {@code get_settings} and
 * {@code get_binary_version}. The larger ones have decoders of their own ({@link ServerInfoDecoder},
 * {@link McpDecoder}, {@link ContextUsageDecoder}).
 */
public final class ControlResponses {

    private ControlResponses() {
    }

    /**
     * @param response the {@code response} payload of a {@code rewind_files} answer
     * @return the rewind result
     */
    public static RewindResult rewindResult(JsonNode response) {
        return new RewindResult(
                Fields.bool(response, "canRewind"),
                Fields.optString(response, "error"),
                Fields.strings(response, "filesChanged"),
                Fields.optLong(response, "insertions"),
                Fields.optLong(response, "deletions"));
    }

    /**
     * @param response the {@code response} payload of a {@code get_settings} answer
     * @return the settings
     */
    public static EffectiveSettings settings(JsonNode response) {
        List<EffectiveSettings.Source> sources = Fields.objects(response, "sources",
                source -> new EffectiveSettings.Source(Fields.string(source, "source"), Fields.map(source, "settings")));
        return new EffectiveSettings(
                Fields.map(response, "effective"), sources, Fields.map(response, "applied"), Fields.raw(response));
    }

    /**
     * @param response the {@code response} payload of a {@code get_binary_version} answer
     * @return the version
     */
    public static BinaryVersion binaryVersion(JsonNode response) {
        return new BinaryVersion(Fields.string(response, "version"), Fields.optString(response, "buildTime"));
    }
}
