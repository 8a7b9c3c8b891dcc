package dev.claudecode.console.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Requests written byte for byte, as any local process (or a page of another site) could send them:
 * every header, including {@code Host} and {@code Origin}, is the caller's choice.
 */
final class RawHttp {

    /** A response: its status, header lines and body. */
    record Response(int status, List<String> headers, String body) {
        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst();
        }
    }

    private final InetAddress address;
    private final int port;

    RawHttp(InetAddress address, int port) {
        this.address = address;
        this.port = port;
    }

    Response send(String method, String path, String body, String... headers) throws IOException {
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            if (!body.isEmpty()) {
                request.append("Content-Type: application/json\r\n");
            }
            request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return parse(new String(readUntilClosed(socket.getInputStream()), StandardCharsets.UTF_8));
        }
    }

    /** Reads until the server closes; a server that keeps writing (an event stream) fails it after 30 s. */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            read.write(buffer, 0, n);
            if (System.nanoTime() > deadline) {
                throw new IOException("the server still wrote after 30 s: " + read.toString(StandardCharsets.UTF_8));
            }
        }
        return read.toByteArray();
    }

    /**
     * Opens an event stream and returns once its response head arrived; the connection stays open
     * until the socket is closed.
     */
    Socket openEvents(String path, String... headers) throws IOException {
        Socket socket = new Socket(address, port);
        socket.setSoTimeout(30_000);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nAccept: text/event-stream\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        StringBuilder head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 200")) {
            socket.close();
            throw new IOException("the event stream was not opened: " + head);
        }
        return socket;
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
        String statusLine = lines.removeFirst();
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), lines, body);
    }
}
