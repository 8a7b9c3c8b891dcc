package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives malformed and hostile variants of recorded stdout lines: byte-level damage (flips,
 * truncation, garbage, NUL bytes, invalid UTF-8) and structural damage (swapped types and subtypes,
 * deep nesting, huge numbers, values of the wrong JSON type, dropped and duplicated fields). Each
 * result is one line without a {@code \n}, so that it can be framed like the CLI's output.
 *
 * <p>Structural damage is done on the bytes, at the places where the seed's values and members
 * start and end (found once per seed), so a mutant costs a copy rather than a tree.
 */
final class LineMutator {

    /** The mutations, one per kind of damage. */
    enum Kind {
        BYTE_FLIP, TRUNCATE, GARBAGE, NUL_BYTES, RANDOM_UNICODE, INVALID_UTF8,
        TYPE_SWAP, SUBTYPE_SWAP, DEEP_NESTING, HUGE_NUMBER, WRONG_TYPE, DROP_FIELD, DUPLICATE_KEY,
        SPLICE, WHITESPACE, COMBINED
    }

    /**
     * Where one JSON value sits in a seed's bytes.
     *
     * @param nameStart where its member starts (the quote of its name), or -1 for an array element
     *     or the root
     * @param start where the value starts
     * @param end where it ends, exclusive
     * @param depth how many containers enclose it
     * @param name its member name, or null
     * @param string whether it is a string
     */
    record Span(int nameStart, int start, int end, int depth, String name, boolean string) {
    }

    /** A recorded line: its bytes, its tree, and where its values are, shallowest first. */
    record Seed(String origin, byte[] bytes, JsonNode tree, List<Span> spans) {

        static Seed of(String origin, JsonNode tree) {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(tree);
            return new Seed(origin, bytes, tree, LineMutator.spans(bytes));
        }
    }

    /** A mutated line. */
    record Mutant(Kind kind, byte[] bytes) {
    }

    private static final Kind[] KINDS = Kind.values();
    private static final Kind[] BYTE_DAMAGE = {Kind.BYTE_FLIP, Kind.TRUNCATE, Kind.GARBAGE, Kind.INVALID_UTF8};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values that decoders branch on, plus near misses and newcomers. */
    private static final List<String> EXTRA_TYPES = List.of("", "SYSTEM", "result ", "assistant\u0000", "control_",
            "keep_alive", "control_cancel_request", "tool_use_summary", "session_state_changed", "text", "tool_use",
            "tool_result", "image", "document", "thinking", "content_block_delta", "message_start", "ping",
            "error", "success", "initialize", "can_use_tool", "\uD83D\uDE00", "null");

    private static final String[] HUGE_NUMBERS = {"1e400", "-1e400", "1e-400", "123456789012345678901234567890",
        "-9223372036854775809", "9223372036854775808", "18446744073709551616", "2147483648", "-2147483649",
        "0.00000000000000000000000001", "1.7976931348623157e309", "4.9e-325", "-0", "-0.0", "1E+2",
        "1" + "0".repeat(999), "9".repeat(500) + ".5e-3", "0." + "1".repeat(999),
        "3.14159265358979323846264338327950288419716939937510"};

    private static final String[] WRONG_TYPES = {"null", "true", "false", "0", "-1", "3.5", "\"\"", "\"text\"", "[]",
        "[null]", "[1,\"a\",{}]", "{}", "{\"type\":null}", "{\"type\":[]}", "\"2026-13-45T99:99:99Z\""};

    private static final String[] DUPLICATES = {"\"type\":\"result\",", "\"type\":null,", "\"type\":{},",
        "\"subtype\":\"success\",", "\"message\":7,", "\"request_id\":[],", "\"event\":\"x\","};

    private final List<Seed> seeds;
    private final byte[][] types;
    private final byte[][] subtypes;

    LineMutator(List<Seed> seeds) {
        this.seeds = seeds;
        TreeSet<String> typeValues = new TreeSet<>(EXTRA_TYPES);
        TreeSet<String> subtypeValues = new TreeSet<>(EXTRA_TYPES);
        for (Seed seed : seeds) {
            collect(seed.tree(), "type", typeValues);
            collect(seed.tree(), "subtype", subtypeValues);
        }
        this.types = typeValues.stream().map(LineMutator::jsonString).toArray(byte[][]::new);
        this.subtypes = subtypeValues.stream().map(LineMutator::jsonString).toArray(byte[][]::new);
    }

    /**
     * Every recorded stdout line of the golden transcripts, as seeds. Strings longer than {@code
     * maxString} characters are shortened: their length exercises the parser, not the decoders, and
     * a few long tool outputs would otherwise take most of the time.
     *
     * @param maxString the longest string value kept whole
     * @return the seeds, in transcript order
     */
    static List<Seed> goldenSeeds(int maxString) {
        List<Seed> seeds = new ArrayList<>();
        for (GoldenTranscripts.Line line : GoldenTranscripts.stdout()) {
            seeds.add(Seed.of(line.toString(), shortenStrings(line.msg().deepCopy(), maxString)));
        }
        return seeds;
    }

    int typeCount() {
        return types.length;
    }

    int subtypeCount() {
        return subtypes.length;
    }

    /**
     * Mutates one seed.
     *
     * @param seed what to start from
     * @param random the source of every choice, for reproducibility
     * @return the mutant
     */
    Mutant mutate(Seed seed, SplittableRandom random) {
        return mutate(seed, random, KINDS[random.nextInt(KINDS.length)]);
    }

    /**
     * Applies one kind of mutation to a seed.
     *
     * @param seed what to start from
     * @param random the source of every choice
     * @param kind the mutation
     * @return the mutant
     */
    Mutant mutate(Seed seed, SplittableRandom random, Kind kind) {
        return new Mutant(kind, withoutNewlines(apply(kind, seed, random)));
    }

    private byte[] apply(Kind kind, Seed seed, SplittableRandom random) {
        byte[] bytes = seed.bytes();
        return switch (kind) {
            case BYTE_FLIP -> byteFlip(bytes, random);
            case TRUNCATE -> truncate(bytes, random);
            case GARBAGE -> insert(bytes, random.nextInt(bytes.length + 1), garbage(random));
            case NUL_BYTES -> random.nextBoolean()
                    ? insert(bytes, random.nextInt(bytes.length + 1), new byte[1 + random.nextInt(4)])
                    // an escaped NUL inside a string value is valid JSON and must survive decoding
                    : intoString(seed, random, "\\u0000".getBytes(StandardCharsets.UTF_8));
            case RANDOM_UNICODE -> random.nextBoolean()
                    ? intoString(seed, random, jsonEscaped(unicodeNoise(random)))
                    // raw characters at a random byte position, control characters included
                    : insert(bytes, random.nextInt(bytes.length + 1), unicodeNoise(random).getBytes(StandardCharsets.UTF_8));
            case INVALID_UTF8 -> insert(bytes, random.nextInt(bytes.length + 1), invalidUtf8(random));
            case TYPE_SWAP -> swap(seed, "type", types, random);
            case SUBTYPE_SWAP -> swap(seed, "subtype", subtypes, random);
            case DEEP_NESTING -> replaceValue(seed, random, deepNesting(random));
            case HUGE_NUMBER -> replaceValue(seed, random, ascii(HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]));
            case WRONG_TYPE -> replaceValue(seed, random, ascii(WRONG_TYPES[random.nextInt(WRONG_TYPES.length)]));
            case DROP_FIELD -> dropMember(seed, random);
            case DUPLICATE_KEY -> duplicateKey(bytes, random);
            case SPLICE -> splice(bytes, seeds.get(random.nextInt(seeds.size())).bytes(), random);
            case WHITESPACE -> whitespace(bytes, random);
            case COMBINED -> {
                // a structural change first, then byte damage on top of it
                Kind first = KINDS[Kind.TYPE_SWAP.ordinal() + random.nextInt(Kind.DUPLICATE_KEY.ordinal() - Kind.TYPE_SWAP.ordinal() + 1)];
                byte[] structural = apply(first, seed, random);
                Kind second = BYTE_DAMAGE[random.nextInt(BYTE_DAMAGE.length)];
                yield apply(second, new Seed(seed.origin(), structural, seed.tree(), List.of()), random);
            }
        };
    }

    // ---------------------------------------------------------------- byte level

    private static byte[] byteFlip(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] truncate(byte[] bytes, SplittableRandom random) {
        int cut = random.nextInt(bytes.length + 1);
        return switch (random.nextInt(3)) {
            case 0 -> Arrays.copyOf(bytes, cut);
            case 1 -> Arrays.copyOfRange(bytes, cut, bytes.length);
            default -> replace(bytes, cut, cut + random.nextInt(bytes.length - cut + 1), new byte[0]);
        };
    }

    private static byte[] garbage(SplittableRandom random) {
        // sometimes plausible JSON punctuation rather than noise
        if (random.nextBoolean()) {
            String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-", "e", "0", "\"type\":"};
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] junk = new byte[1 + random.nextInt(64)];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) random.nextInt(256);
        }
        return junk;
    }

    private static byte[] invalidUtf8(SplittableRandom random) {
        byte[][] sequences = {
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
            {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
        return sequences[random.nextInt(sequences.length)];
    }

    private static String unicodeNoise(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(12); i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
                case 1 -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
                case 2 -> text.append((char) random.nextInt(0x20)); // a control character
                case 3 -> text.append("\u202E\uFEFF\u2028\u2029\uFFFF");
                default -> text.appendCodePoint(0x80 + random.nextInt(0xD800 - 0x80));
            }
        }
        return text.toString();
    }

    private static byte[] duplicateKey(byte[] bytes, SplittableRandom random) {
        byte[] extra = ascii(DUPLICATES[random.nextInt(DUPLICATES.length)]);
        if (random.nextBoolean()) {
            return insert(bytes, 1, extra);
        }
        // before the closing brace: ",name:value" instead of "name:value,"
        byte[] tail = new byte[extra.length];
        tail[0] = ',';
        System.arraycopy(extra, 0, tail, 1, extra.length - 1);
        return insert(bytes, bytes.length - 1, tail);
    }

    private static byte[] splice(byte[] first, byte[] second, SplittableRandom random) {
        int cut = random.nextInt(first.length + 1);
        int from = random.nextInt(second.length + 1);
        byte[] result = new byte[cut + second.length - from];
        System.arraycopy(first, 0, result, 0, cut);
        System.arraycopy(second, from, result, cut, second.length - from);
        return result;
    }

    private static byte[] whitespace(byte[] bytes, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> ascii(" \t \r");
            case 2 -> replace(insert(bytes, 0, ascii("  ")), bytes.length + 2, bytes.length + 2, ascii(" \t\r"));
            // a second document on the same line
            default -> replace(insert(bytes, bytes.length, ascii(" ")), bytes.length + 1, bytes.length + 1, bytes);
        };
    }

    // ---------------------------------------------------------------- structure level

    private static byte[] swap(Seed seed, String field, byte[][] values, SplittableRandom random) {
        byte[] value = values[random.nextInt(values.length)];
        List<Span> holders = seed.spans().stream().filter(span -> field.equals(span.name())).toList();
        if (holders.isEmpty()) {
            return insert(seed.bytes(), 1, concat(jsonString(field), ascii(":"), value, ascii(",")));
        }
        // the top level most of the time: that is where routing happens
        Span target = random.nextInt(3) == 0 ? holders.get(random.nextInt(holders.size())) : holders.getFirst();
        return replace(seed.bytes(), target.start(), target.end(), value);
    }

    private static byte[] deepNesting(SplittableRandom random) {
        // around the parser's nesting limit (2,000), below and above it; near the limit a line
        // costs a hundred times more to decode, so those are a tenth
        int bucket = random.nextInt(30);
        int depth = bucket < 27 ? 1 + random.nextInt(200)
                : bucket == 27 ? 1_900 + random.nextInt(99)
                : bucket == 28 ? 1_999 + random.nextInt(3)
                : 2_000 + random.nextInt(64);
        boolean arrays = random.nextBoolean();
        StringBuilder raw = new StringBuilder(depth * 6 + 40);
        raw.append(arrays ? "[".repeat(depth) : "{\"a\":".repeat(depth));
        raw.append(random.nextBoolean() ? "1" : "{\"type\":\"text\",\"text\":\"deep\"}");
        raw.append(arrays ? "]".repeat(depth) : "}".repeat(depth));
        return ascii(raw.toString());
    }

    /** Replaces a random value (the root included, rarely) with raw JSON text. */
    private static byte[] replaceValue(Seed seed, SplittableRandom random, byte[] raw) {
        List<Span> spans = seed.spans();
        if (spans.size() < 2 || random.nextInt(20) == 0) {
            return raw;
        }
        // bias towards shallow values: those are the fields decoders read
        int pick = 1 + Math.min(random.nextInt(spans.size() - 1), random.nextInt(spans.size() - 1));
        Span span = spans.get(pick);
        return replace(seed.bytes(), span.start(), span.end(), raw);
    }

    private static byte[] intoString(Seed seed, SplittableRandom random, byte[] escaped) {
        List<Span> strings = seed.spans().stream().filter(Span::string).toList();
        if (strings.isEmpty()) {
            return seed.bytes();
        }
        Span span = strings.get(random.nextInt(strings.size()));
        return insert(seed.bytes(), span.start() + 1, escaped);
    }

    private static byte[] dropMember(Seed seed, SplittableRandom random) {
        List<Span> members = seed.spans().stream().filter(span -> span.nameStart() >= 0).toList();
        if (members.isEmpty()) {
            return seed.bytes();
        }
        Span member = members.get(random.nextInt(members.size()));
        byte[] bytes = seed.bytes();
        // take one neighbouring comma with it, so that only the member goes missing
        if (bytes[member.end()] == ',') {
            return replace(bytes, member.nameStart(), member.end() + 1, new byte[0]);
        }
        return bytes[member.nameStart() - 1] == ','
                ? replace(bytes, member.nameStart() - 1, member.end(), new byte[0])
                : replace(bytes, member.nameStart(), member.end(), new byte[0]);
    }

    // ---------------------------------------------------------------- helpers

    /** Finds every value of a compact JSON document, shallowest first. */
    static List<Span> spans(byte[] json) {
        List<Span> spans = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // {nameStart, start, index into names}
        Deque<String> names = new ArrayDeque<>();
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            int nameStart = -1;
            String name = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int at = (int) parser.currentTokenLocation().getByteOffset();
                switch (token) {
                    case PROPERTY_NAME -> {
                        nameStart = at;
                        name = parser.currentName();
                    }
                    case START_OBJECT, START_ARRAY -> {
                        open.push(new int[] {nameStart, at});
                        names.push(name == null ? "" : name);
                        nameStart = -1;
                        name = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        int[] start = open.pop();
                        String ownName = names.pop();
                        spans.add(new Span(start[0], start[1], at + 1, open.size(),
                                start[0] >= 0 ? ownName : null, false));
                    }
                    default -> {
                        parser.finishToken();
                        int end = (int) parser.currentLocation().getByteOffset();
                        spans.add(new Span(nameStart, at, end, open.size(), name, token == JsonToken.VALUE_STRING));
                        nameStart = -1;
                        name = null;
                    }
                }
            }
        }
        List<Span> shallowFirst = new ArrayList<>(spans);
        shallowFirst.sort(java.util.Comparator.comparingInt(Span::depth).thenComparingInt(Span::start));
        return List.copyOf(shallowFirst);
    }

    private static JsonNode shortenStrings(JsonNode node, int maxString) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isString() && value.stringValue().length() > maxString) {
                    object.set(name, NODES.stringNode(value.stringValue().substring(0, maxString)));
                } else {
                    shortenStrings(value, maxString);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && value.stringValue().length() > maxString) {
                    array.set(i, NODES.stringNode(value.stringValue().substring(0, maxString)));
                } else {
                    shortenStrings(value, maxString);
                }
            }
        }
        return node;
    }

    private static void collect(JsonNode node, String field, TreeSet<String> into) {
        if (node.isObject()) {
            JsonNode value = node.get(field);
            if (value != null && value.isString()) {
                into.add(value.stringValue());
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                collect(property.getValue(), field, into);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, field, into);
            }
        }
    }

    /** Escapes text for the inside of a JSON string, surrogates and control characters as \\u escapes. */
    private static byte[] jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c) && !validPair(text, i)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static byte[] jsonString(String value) {
        return concat(ascii("\""), jsonEscaped(value), ascii("\""));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        return replace(bytes, at, at, extra);
    }

    private static byte[] replace(byte[] bytes, int from, int to, byte[] with) {
        byte[] result = new byte[bytes.length - (to - from) + with.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(with, 0, result, from, with.length);
        System.arraycopy(bytes, to, result, from + with.length, bytes.length - to);
        return result;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A raw newline would split the line in two when framed; a space keeps it one line. */
    private static byte[] withoutNewlines(byte[] bytes) {
        byte[] result = bytes;
        for (int i = 0; i < result.length; i++) {
            if (result[i] == '\n') {
                if (result == bytes) {
                    result = bytes.clone();
                }
                result[i] = ' ';
            }
        }
        return result;
    }
}
