package org.relayrcm.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 from a loopback address of the test's choosing (any of 127.0.0.0/8), so the server sees a client address of
 * its own: throttling one address in a test leaves 127.0.0.1, which every other test uses, alone.
 */
final class FromAddress {

    record Reply(int status, Map<String, String> headers, String body) {
    }

    private final String address;
    private final int port;

    private FromAddress(String address, int port) {
        this.address = address;
        this.port = port;
    }

    /** A loopback address no other test of this run is likely to use. */
    static FromAddress fresh(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new FromAddress("127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255),
                port);
    }

    String address() {
        return address;
    }

    Reply get(String path, String authorization) {
        return send("GET", path, Map.of("Authorization", authorization), "");
    }

    /** The form sign-in, with the CSRF token a browser would echo from its cookie. */
    Reply signIn(String user, String password) {
        String form = "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/api/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "XSRF-TOKEN=throttle-it", "X-XSRF-TOKEN", "throttle-it"), form);
    }

    private Reply send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
        }
        return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
    }
}
