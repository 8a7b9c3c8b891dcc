package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses a line of many megabytes (a tool result or file content the CLI echoes) with about one
 * copy of its big strings instead of four. Jackson builds a long string in char segments (two
 * bytes a character), joins them, and copies the result into the {@code String}; for a 64 MB line
 * that peaked near nine times the line. Here each long string value is decoded straight from the
 * line's bytes, in place (escapes and UTF-8 shrink, never grow), into its {@code String}, and a
 * short placeholder takes its place; Jackson then parses what is left, which is small, and the
 * placeholders are swapped back for the strings.
 *
 * <p>Only the line's own bytes are changed. Property names are never taken out. A string that
 * cannot be decoded here exactly as Jackson would (a lone surrogate escape, bytes that are not
 * UTF-8) is left in place for Jackson.
 */
final class HugeLineParser {

    /** Lines at least this long take this path. */
    static final int HUGE_LINE_BYTES = 1 << 20;
    /** String values at least this long (as written) are taken out of the line. */
    static final int HUGE_STRING_BYTES = 1 << 16;

    private HugeLineParser() {
    }

    /**
     * Parses one line, overwriting its bytes.
     *
     * @param buffer the bytes
     * @param offset where the line starts
     * @param length its length
     * @return the tree
     * @throws tools.jackson.core.JacksonException when the line is not JSON
     */
    static JsonNode parse(byte[] buffer, int offset, int length) {
        String marker = "\u0000" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + "#";
        List<String> taken = new ArrayList<>();
        Literal literal = new Literal();
        int end = offset + length;
        int read = offset;
        int write = offset;
        while (read < end) {
            byte b = buffer[read];
            if (b != '"') {
                buffer[write++] = b;
                read++;
                continue;
            }
            int close = literal.scan(buffer, read + 1, end);
            if (close < 0) {
                // unterminated: leave the rest to Jackson, which reports it
                System.arraycopy(buffer, read, buffer, write, end - read);
                write += end - read;
                break;
            }
            String value = close - read - 1 >= HUGE_STRING_BYTES && !isPropertyName(buffer, close + 1, end)
                    ? literal.decode(buffer, read + 1, close)
                    : null;
            if (value == null) {
                System.arraycopy(buffer, read, buffer, write, close + 1 - read);
                write += close + 1 - read;
            } else {
                byte[] placeholder = ("\"\\u0000" + marker.substring(1) + taken.size() + "\"").getBytes(StandardCharsets.US_ASCII);
                taken.add(value);
                System.arraycopy(placeholder, 0, buffer, write, placeholder.length);
                write += placeholder.length;
            }
            read = close + 1;
        }
        JsonNode tree = Json.parse(buffer, offset, write - offset);
        if (!taken.isEmpty()) {
            restore(tree, marker, taken);
        }
        return tree;
    }

    private static boolean isPropertyName(byte[] buffer, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = buffer[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c == ':';
            }
        }
        return false;
    }

    /**
     * One string literal of the line: a single pass finds where it ends and what it holds, which
     * picks the cheapest exact way to decode it. A literal without escapes whose bytes are all
     * ASCII is already its Latin-1 form; one whose characters all fit Latin-1 is rewritten to
     * Latin-1 in place in one more pass; anything else is rewritten to plain UTF-8 in place. The
     * {@code String} is then made in one copy.
     */
    private static final class Literal {

        private boolean decodable;
        private boolean escaped;
        private boolean ascii;
        private boolean latin1;

        /**
         * Scans the content of a literal whose first content byte is at {@code from}. A string
         * that Jackson would not accept, or would read differently (raw control characters,
         * unknown escapes, lone surrogates, bytes that are not UTF-8), is marked undecodable.
         *
         * @return the index of the closing quote, or -1
         */
        int scan(byte[] buffer, int from, int end) {
            decodable = true;
            escaped = false;
            ascii = true;
            latin1 = true;
            int lowSurrogateAt = -1;
            int i = from;
            while (i < end) {
                int b = buffer[i] & 0xff;
                if (b == '"') {
                    return i;
                }
                if (b == '\\') {
                    escaped = true;
                    if (i + 1 >= end) {
                        decodable = false;
                        return -1;
                    }
                    byte e = buffer[i + 1];
                    if (e == 'u') {
                        int c = hex4(buffer, i + 2, end);
                        if (c < 0 || Character.isLowSurrogate((char) c) && i != lowSurrogateAt) {
                            decodable = false;
                        } else if (Character.isHighSurrogate((char) c)) {
                            int low = i + 12 <= end && buffer[i + 6] == '\\' && buffer[i + 7] == 'u' ? hex4(buffer, i + 8, end) : -1;
                            if (low < 0 || !Character.isLowSurrogate((char) low)) {
                                decodable = false;
                            }
                            lowSurrogateAt = i + 6;
                        }
                        latin1 &= c >= 0 && c <= 0xff;
                    } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                        decodable = false;
                    }
                    i += 2; // the four digits of a \\u escape are plain ASCII bytes to this loop
                } else if (b < 0x20) {
                    decodable = false;
                    i++;
                } else if (b < 0x80) {
                    i++;
                } else {
                    ascii = false;
                    int sequence = utf8SequenceLength(buffer, i, end);
                    if (sequence < 0) {
                        decodable = false;
                        i++;
                    } else {
                        // U+0080..U+00FF are exactly the two-byte sequences led by C2 and C3
                        latin1 &= b == 0xc2 || b == 0xc3;
                        i += sequence;
                    }
                }
            }
            return -1;
        }

        /**
         * Decodes the content just scanned, in place (escapes and UTF-8 only shrink).
         *
         * @return the value, or null (bytes unchanged) when it must be left to Jackson
         */
        String decode(byte[] buffer, int from, int to) {
            if (!decodable) {
                return null;
            }
            if (!escaped && ascii) {
                return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
            }
            if (latin1) {
                return new String(buffer, from, unescapeToLatin1(buffer, from, to), StandardCharsets.ISO_8859_1);
            }
            return new String(buffer, from, unescapeToUtf8(buffer, from, to), StandardCharsets.UTF_8);
        }
    }

    /** Rewrites a scanned literal whose characters all fit Latin-1 as Latin-1 bytes, in place. @return the new length */
    private static int unescapeToLatin1(byte[] buffer, int from, int to) {
        int read = from;
        int write = from;
        while (read < to) {
            int b = buffer[read] & 0xff;
            if (b == '\\') {
                byte e = buffer[read + 1];
                if (e == 'u') {
                    buffer[write++] = (byte) hex4(buffer, read + 2, to);
                    read += 6;
                } else {
                    buffer[write++] = unescaped(e);
                    read += 2;
                }
            } else if (b < 0x80) {
                buffer[write++] = (byte) b;
                read++;
            } else {
                buffer[write++] = (byte) ((b & 0x03) << 6 | buffer[read + 1] & 0x3f);
                read += 2;
            }
        }
        return write - from;
    }

    /** Rewrites the escapes of a scanned literal as UTF-8, in place. @return the new length */
    private static int unescapeToUtf8(byte[] buffer, int from, int to) {
        int read = from;
        int write = from;
        while (read < to) {
            byte b = buffer[read];
            if (b != '\\') {
                buffer[write++] = b;
                read++;
                continue;
            }
            byte e = buffer[read + 1];
            if (e != 'u') {
                buffer[write++] = unescaped(e);
                read += 2;
                continue;
            }
            int c = hex4(buffer, read + 2, to);
            read += 6;
            if (Character.isHighSurrogate((char) c)) {
                c = Character.toCodePoint((char) c, (char) hex4(buffer, read + 2, to));
                read += 6;
            }
            write = putUtf8(buffer, write, c);
        }
        return write - from;
    }

    /** @return the character a one-letter escape stands for */
    private static byte unescaped(byte escape) {
        return switch (escape) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> escape; // a quote, backslash or slash
        };
    }

    private static int hex4(byte[] buffer, int from, int to) {
        if (from + 4 > to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(buffer[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static int putUtf8(byte[] buffer, int at, int codePoint) {
        if (codePoint < 0x80) {
            buffer[at++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            buffer[at++] = (byte) (0xc0 | codePoint >> 6);
            buffer[at++] = (byte) (0x80 | codePoint & 0x3f);
        } else if (codePoint < 0x10000) {
            buffer[at++] = (byte) (0xe0 | codePoint >> 12);
            buffer[at++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
            buffer[at++] = (byte) (0x80 | codePoint & 0x3f);
        } else {
            buffer[at++] = (byte) (0xf0 | codePoint >> 18);
            buffer[at++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
            buffer[at++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
            buffer[at++] = (byte) (0x80 | codePoint & 0x3f);
        }
        return at;
    }

    /** @return the length of the well-formed UTF-8 sequence at {@code at} (no overlong forms, surrogates or values past U+10FFFF), or -1 */
    private static int utf8SequenceLength(byte[] buffer, int at, int to) {
        int b = buffer[at] & 0xff;
        int extra;
        int min;
        if (b >= 0xc2 && b <= 0xdf) {
            extra = 1;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            extra = 2;
            min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            extra = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        if (at + extra >= to) {
            return -1;
        }
        int codePoint = b & (0x3f >> extra);
        for (int k = 1; k <= extra; k++) {
            int c = buffer[at + k] & 0xff;
            if ((c & 0xc0) != 0x80) {
                return -1;
            }
            codePoint = codePoint << 6 | c & 0x3f;
        }
        if (codePoint < min || codePoint > 0x10ffff || codePoint >= 0xd800 && codePoint <= 0xdfff) {
            return -1;
        }
        return extra + 1;
    }

    /** Puts the taken strings back where their placeholders are. */
    private static void restore(JsonNode tree, String marker, List<String> taken) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(tree);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node instanceof ObjectNode object) {
                Map<String, String> replaced = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> property : object.properties()) {
                    String value = placeheld(property.getValue(), marker, taken);
                    if (value != null) {
                        replaced.put(property.getKey(), value);
                    } else if (property.getValue().isContainer()) {
                        pending.push(property.getValue());
                    }
                }
                replaced.forEach(object::put);
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    String value = placeheld(array.get(i), marker, taken);
                    if (value != null) {
                        array.set(i, array.stringNode(value));
                    } else if (array.get(i).isContainer()) {
                        pending.push(array.get(i));
                    }
                }
            }
        }
    }

    private static String placeheld(JsonNode node, String marker, List<String> taken) {
        if (!node.isString() || !node.stringValue().startsWith(marker)) {
            return null;
        }
        try {
            int index = Integer.parseInt(node.stringValue().substring(marker.length()));
            return index >= 0 && index < taken.size() ? taken.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
