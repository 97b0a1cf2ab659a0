package org.relayrcm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client that signs in once, as the browser does: a session cookie and the CSRF token, so that load
 * measures the system and not a password hash per request.
 */
public final class SessionApi {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private SessionApi(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static SessionApi signIn(int port, String user, String password) {
        SessionApi api = new SessionApi(port);
        api.send(HttpRequest.newBuilder(URI.create(api.base + "/api/me")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Api.Response login = api.send(api.mutating("/api/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + login.status() + " " + login.body());
        }
        return api;
    }

    /** The session's cookies as a Cookie header, for a load generator in another process to act as this user. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public Api.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public JsonNode getJson(String path) {
        return get(path).json();
    }

    public Api.Response post(String path, Object body) {
        return send(mutating(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private HttpRequest.Builder mutating(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrfToken());
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> "XSRF-TOKEN".equals(c.getName())).map(HttpCookie::getValue).findFirst().orElse("");
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
