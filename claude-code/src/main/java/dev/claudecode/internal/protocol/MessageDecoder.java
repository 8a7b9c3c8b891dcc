package dev.claudecode.internal.protocol;

import dev.claudecode.errors.ProtocolException;
import dev.claudecode.message.ActiveGoalMessage;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.AuthStatusMessage;
import dev.claudecode.message.CommandLifecycleMessage;
import dev.claudecode.message.ConversationResetMessage;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.Message;
import dev.claudecode.message.PromptSuggestionMessage;
import dev.claudecode.message.RateLimitEvent;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.SystemMessage;
import dev.claudecode.message.ToolProgressMessage;
import dev.claudecode.message.ToolUseSummaryMessage;
import dev.claudecode.message.UnknownMessage;
import dev.claudecode.message.UserMessage;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Turns one JSON object the CLI wrote on stdout into a typed {@link Message}. It dispatches on
 * {@code type} to one decoder per family ({@link SystemMessageDecoder}, {@link
 * ConversationMessageDecoder}, {@link ResultMessageDecoder}, {@link StreamEventDecoder}, {@link
 * EventMessageDecoder}); content blocks are decoded by {@link ContentBlockDecoder}.
 *
 * <p>Decoding never fails for a JSON object: unknown types and subtypes become {@code Unknown*}
 * values that keep the JSON, and absent or wrong-typed fields become empty values. Control messages
 * ({@code control_request}, {@code control_response}, {@code control_cancel_request}) are routed
 * before decoding; given here, they come back as {@link UnknownMessage}.
 */
public final class MessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(MessageDecoder.class);

    private static final Map<String, BiFunction<JsonNode, Envelope, Message>> BY_TYPE = Map.ofEntries(
            Map.entry(SystemMessage.TYPE, SystemMessageDecoder::decode),
            Map.entry(AssistantMessage.TYPE, ConversationMessageDecoder::assistant),
            Map.entry(UserMessage.TYPE, ConversationMessageDecoder::user),
            Map.entry(ResultMessage.TYPE, ResultMessageDecoder::decode),
            Map.entry(StreamEventMessage.TYPE, StreamEventDecoder::decode),
            Map.entry(RateLimitEvent.TYPE, EventMessageDecoder::rateLimit),
            Map.entry(ToolProgressMessage.TYPE, EventMessageDecoder::toolProgress),
            Map.entry(PromptSuggestionMessage.TYPE, EventMessageDecoder::promptSuggestion),
            Map.entry(AuthStatusMessage.TYPE, EventMessageDecoder::authStatus),
            Map.entry(CommandLifecycleMessage.TYPE, EventMessageDecoder::commandLifecycle),
            Map.entry(ToolUseSummaryMessage.TYPE, EventMessageDecoder::toolUseSummary),
            Map.entry(ConversationResetMessage.TYPE, EventMessageDecoder::conversationReset),
            Map.entry(ActiveGoalMessage.TYPE, EventMessageDecoder::activeGoal));

    private MessageDecoder() {
    }

    /**
     * Decodes one parsed stdout line.
     *
     * @param line the parsed JSON
     * @return the message; never null
     * @throws ProtocolException when the line is not a JSON object
     */
    public static Message decode(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new ProtocolException("the CLI wrote a line that is not a JSON object: "
                    + (line == null ? "nothing" : line.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        String type = Fields.string(line, "type");
        Envelope envelope = envelope(line);
        BiFunction<JsonNode, Envelope, Message> decoder = BY_TYPE.get(type);
        if (decoder == null) {
            return new UnknownMessage(type, envelope);
        }
        try {
            return decoder.apply(line, envelope);
        } catch (RuntimeException e) {
            // The decoders read every field tolerantly, so this is a bug here, not bad input; the
            // caller still gets the message whole rather than losing the session over it.
            LOG.warn("could not decode a '{}' message, passing it on as unknown", type, e);
            return new UnknownMessage(type, envelope);
        }
    }

    /** The fields every message has, read here once for the decoders of all types. */
    private static Envelope envelope(JsonNode line) {
        return new Envelope(Fields.optString(line, "session_id"), Fields.optString(line, "uuid"), Fields.raw(line));
    }
}
