package dev.claudecode.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Builds gzipped tar archives in memory for tests, in the header styles real writers use: plain
 * ustar, ustar with a name prefix, GNU long names and pax extended headers.
 */
public final class TestTarball {

    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    /** @return an empty archive to add entries to */
    public static TestTarball create() {
        return new TestTarball();
    }

    /** @return a shell script that answers {@code --version} with {@code <version> (Claude Code)} */
    public static byte[] versionScript(String version) {
        return ("#!/bin/sh\n"
                + "if [ \"$1\" = \"--version\" ]; then echo \"" + version + " (Claude Code)\"; exit 0; fi\n"
                + "echo \"fake claude $*\"\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the archive npm publishes for a CLI platform package, with the given binary */
    public static byte[] cliPackage(byte[] binary) {
        return create()
                .directory("package/")
                .file("package/package.json", "{\"name\":\"@anthropic-ai/claude-code-linux-x64\"}".getBytes(StandardCharsets.UTF_8))
                .file("package/README.md", "# readme\n".repeat(100).getBytes(StandardCharsets.UTF_8))
                .file("package/claude", binary, 0755)
                .file("package/LICENSE.md", "license\n".getBytes(StandardCharsets.UTF_8))
                .gzip();
    }

    /** Adds a directory entry. */
    public TestTarball directory(String name) {
        write(header(name, "", 0, '5', 0755));
        return this;
    }

    /** Adds a regular file with mode 0644. */
    public TestTarball file(String name, byte[] content) {
        return file(name, content, 0644);
    }

    /** Adds a regular file. */
    public TestTarball file(String name, byte[] content, int mode) {
        write(header(name, "", content.length, '0', mode));
        data(content);
        return this;
    }

    /** Adds a regular file whose path is split into the ustar prefix and name fields. */
    public TestTarball fileWithPrefix(String prefix, String name, byte[] content) {
        write(header(name, prefix, content.length, '0', 0644));
        data(content);
        return this;
    }

    /** Adds a regular file whose full name is carried by a GNU {@code L} entry before it. */
    public TestTarball fileWithGnuLongName(String name, byte[] content) {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        write(header("././@LongLink", "", nameBytes.length, 'L', 0644));
        data(nameBytes);
        write(header(truncate(name), "", content.length, '0', 0644));
        data(content);
        return this;
    }

    /** Adds a regular file whose full name is carried by a pax {@code x} header before it. */
    public TestTarball fileWithPaxPath(String name, byte[] content) {
        byte[] records = (paxRecord("mtime", "1700000000.5") + paxRecord("path", name)).getBytes(StandardCharsets.UTF_8);
        write(header("PaxHeaders/x", "", records.length, 'x', 0644));
        data(records);
        write(header(truncate(name), "", content.length, '0', 0644));
        data(content);
        return this;
    }

    /** Adds raw bytes (for corrupt archives). */
    public TestTarball raw(byte[] bytes) {
        write(bytes);
        return this;
    }

    /** @return the tar bytes with the two closing zero blocks */
    public byte[] tar() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(tar.toByteArray());
        copy.writeBytes(new byte[1024]);
        return copy.toByteArray();
    }

    /** @return the gzipped archive */
    public byte[] gzip() {
        return gzip(tar());
    }

    /** @return the given bytes, gzipped */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return a 512-byte ustar header with a valid checksum */
    public static byte[] header(String name, String prefix, long size, char type, int mode) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, String.format("%07o\0", mode));
        put(h, 108, 8, "0000000\0");
        put(h, 116, 8, "0000000\0");
        put(h, 124, 12, String.format("%011o\0", size));
        put(h, 136, 12, String.format("%011o\0", 1_700_000_000L));
        put(h, 148, 8, "        ");
        h[156] = (byte) type;
        put(h, 257, 6, "ustar\0");
        put(h, 263, 2, "00");
        put(h, 345, 155, prefix);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o\0 ", sum));
        return h;
    }

    private static String paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int digits = String.valueOf(length).length();
        int total = length + digits;
        if (String.valueOf(total).length() != digits) {
            total++;
        }
        return total + body;
    }

    private static String truncate(String name) {
        return name.length() <= 99 ? name : name.substring(0, 99);
    }

    private static void put(byte[] header, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("field too long: " + text);
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private void data(byte[] content) {
        write(content);
        int pad = (512 - content.length % 512) % 512;
        write(new byte[pad]);
    }

    private void write(byte[] bytes) {
        tar.writeBytes(bytes);
    }
}
