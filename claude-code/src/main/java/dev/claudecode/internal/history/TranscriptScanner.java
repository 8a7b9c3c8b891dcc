package dev.claudecode.internal.history;

import dev.claudecode.internal.history.TranscriptEntry.PreservedMessages;
import dev.claudecode.internal.history.TranscriptEntry.PreservedSegment;
import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The first pass over a transcript: reads every line with a streaming parser that keeps only the
 * top-level fields the chain needs and skips everything else token by token, so memory stays flat
 * however long a line is. Lines that are not one JSON object are counted and skipped.
 */
public final class TranscriptScanner {

    private static final Set<String> CHAIN_TYPES = Set.of("user", "assistant", "system", "attachment", "progress");

    private TranscriptScanner() {
    }

    /**
     * Scans lines until the reader is exhausted.
     *
     * @param reader the transcript's lines
     * @return the index of its records
     * @throws IOException when reading fails (malformed lines are not failures)
     */
    public static TranscriptIndex scan(LineReader reader) throws IOException {
        List<TranscriptEntry> entries = new ArrayList<>();
        String lastPromptLeaf = null;
        int lastPromptLine = -1;
        int line = -1;
        int lines = 0;
        int malformed = 0;
        while (reader.next()) {
            line++;
            Fields fields;
            try {
                fields = parse(reader);
            } catch (JacksonIOException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e);
            } catch (JacksonException e) {
                lines++;
                malformed++;
                continue;
            }
            if (fields == null) {
                continue;
            }
            lines++;
            if (!fields.object) {
                malformed++;
            } else if ("last-prompt".equals(fields.type) && fields.leafUuid != null) {
                lastPromptLeaf = fields.leafUuid;
                lastPromptLine = line;
            } else if (fields.uuid != null && CHAIN_TYPES.contains(fields.type)) {
                entries.add(fields.toEntry(line, reader.lineStart()));
            }
        }
        return new TranscriptIndex(List.copyOf(entries), lastPromptLeaf, lastPromptLine, lines, malformed);
    }

    /** Returns null for a blank line. */
    private static Fields parse(LineReader reader) {
        try (JsonParser parser = Json.MAPPER.createParser(reader.line())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Fields fields = new Fields();
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return fields;
            }
            readRecord(parser, fields);
            if (parser.nextToken() != null) {
                return new Fields();
            }
            fields.object = true;
            return fields;
        }
    }

    private static void readRecord(JsonParser parser, Fields fields) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> fields.type = string(parser, value);
                case "subtype" -> fields.subtype = string(parser, value);
                case "uuid" -> fields.uuid = string(parser, value);
                case "parentUuid" -> fields.parentUuid = string(parser, value);
                case "logicalParentUuid" -> fields.logicalParentUuid = string(parser, value);
                case "leafUuid" -> fields.leafUuid = string(parser, value);
                case "isSidechain" -> fields.sidechain = isTrue(parser, value);
                case "isMeta" -> fields.meta = isTrue(parser, value);
                case "isCompactSummary" -> fields.compactSummary = isTrue(parser, value);
                case "teamName" -> fields.team = string(parser, value) != null;
                case "message" -> fields.messageId = messageId(parser, value);
                case "compactMetadata" -> readCompactMetadata(parser, value, fields);
                default -> parser.skipChildren();
            }
        }
    }

    private static String string(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    private static boolean isTrue(JsonParser parser, JsonToken value) {
        parser.skipChildren();
        return value == JsonToken.VALUE_TRUE;
    }

    private static String messageId(JsonParser parser, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String id = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            if ("id".equals(name)) {
                id = string(parser, field);
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    private static void readCompactMetadata(JsonParser parser, JsonToken value, Fields fields) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            if ("preservedSegment".equals(name) && field == JsonToken.START_OBJECT) {
                fields.preservedSegment = readSegment(parser);
            } else if ("preservedMessages".equals(name) && field == JsonToken.START_OBJECT) {
                fields.preservedMessages = readPreservedMessages(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static PreservedSegment readSegment(JsonParser parser) {
        String head = null;
        String anchor = null;
        String tail = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            switch (name) {
                case "headUuid" -> head = string(parser, field);
                case "anchorUuid" -> anchor = string(parser, field);
                case "tailUuid" -> tail = string(parser, field);
                default -> parser.skipChildren();
            }
        }
        return head != null && anchor != null && tail != null ? new PreservedSegment(head, anchor, tail) : null;
    }

    private static PreservedMessages readPreservedMessages(JsonParser parser) {
        String anchor = null;
        List<String> uuids = new ArrayList<>();
        boolean valid = true;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            if ("anchorUuid".equals(name)) {
                anchor = string(parser, field);
            } else if ("uuids".equals(name) && field == JsonToken.START_ARRAY) {
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    if (element == JsonToken.VALUE_STRING) {
                        uuids.add(parser.getString());
                    } else {
                        valid = false;
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return valid && anchor != null && !uuids.isEmpty() ? new PreservedMessages(anchor, List.copyOf(uuids)) : null;
    }

    /** Mutable holder for one record's fields while its tokens stream by. */
    private static final class Fields {
        boolean object;
        String type;
        String subtype;
        String uuid;
        String parentUuid;
        String logicalParentUuid;
        String leafUuid;
        boolean sidechain;
        boolean meta;
        boolean compactSummary;
        boolean team;
        String messageId;
        PreservedMessages preservedMessages;
        PreservedSegment preservedSegment;

        TranscriptEntry toEntry(int line, long offset) {
            return new TranscriptEntry(line, offset, type, subtype, uuid, parentUuid, logicalParentUuid, sidechain,
                    meta, compactSummary, team, messageId, preservedMessages, preservedSegment);
        }
    }
}
