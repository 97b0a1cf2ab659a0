package org.relayrcm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.relayrcm.security.EndpointRoleTable.Role;
import org.relayrcm.security.EndpointRoleTable.Row;
import org.relayrcm.security.EndpointRoleTable.Source;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import jakarta.servlet.ServletRegistration;

/**
 * Every endpoint × every role, from a committed table ({@code security/endpoint-roles.csv}). The table must list
 * exactly the handler mappings of the running application: a new endpoint fails this test until someone decides who
 * may call it, and a row for an endpoint that is gone fails it too. Paths outside Spring MVC (the engine's REST API,
 * Camunda's webapps, sign-in) are listed by hand, as are paths that must not be served (actuator endpoints nobody
 * exposed).
 *
 * <p>The test asks what security answered, not what the application did: path variables are ids that do not exist
 * and bodies are empty, so a request security lets through may still be a 400, 404, 405 or 415 from the
 * application. Security's own refusals are told apart by their bodies (see {@link ProblemAuthenticationHandlers}).
 */
@RelayIntegrationTest
class EndpointRoleTableIT {

    /** An id no table in a test database reaches: the application answers "not found" once security lets it by. */
    private static final String NO_SUCH_ID = "999999999";

    /**
     * Servlets besides Spring's dispatcher, by their URL mappings. A new one would serve paths this table cannot see
     * through handler mappings; list its paths as servlet rows before adding it here.
     */
    private static final Set<String> KNOWN_SERVLET_MAPPINGS = Set.of("/", "/engine-rest/*", "/camunda/api/admin/*",
            "/camunda/api/cockpit/*", "/camunda/api/engine/*", "/camunda/api/tasklist/*", "/camunda/api/welcome/*");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void listsEveryHandlerMappingOfTheRunningApplicationAndNoOther() {
        EndpointRoleTable table = EndpointRoleTable.load();
        Set<String> mapped = handlerMappings();
        Set<String> listed = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Row row : table.rows()) {
            if (!listed.add(row.key())) {
                problems.add("line " + row.line() + " lists " + row.key() + " twice");
            }
            if (row.source() == Source.MVC && !mapped.contains(row.key())) {
                problems.add("line " + row.line() + " lists " + row.key() + ", which no handler mapping serves any more");
            }
            if (row.source() != Source.MVC && mapped.contains(row.key())) {
                problems.add("line " + row.line() + " lists " + row.key() + " as " + row.source()
                        + ", but a handler mapping serves it: make it an mvc row");
            }
        }
        for (String endpoint : mapped) {
            if (!listed.contains(endpoint)) {
                String[] parts = endpoint.split(" ", 2);
                problems.add("not in the table (decide who may call it, then add the reviewed row): "
                        + EndpointRoleTable.line(parts[0], parts[1], Source.MVC, observe(parts[0], parts[1], Source.MVC)));
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void servesNothingOutsideTheHandlerMappingsAndTheListedServlets() {
        assertThat(context.getBeansOfType(RouterFunction.class))
                .as("functional endpoints escape the handler-mapping check; extend this test before adding one")
                .isEmpty();
        Collection<? extends ServletRegistration> servlets = ((WebApplicationContext) context).getServletContext()
                .getServletRegistrations().values();
        Set<String> mappings = new TreeSet<>();
        servlets.forEach(servlet -> mappings.addAll(servlet.getMappings()));
        assertThat(mappings).isSubsetOf(KNOWN_SERVLET_MAPPINGS);
    }

    @TestFactory
    Stream<DynamicTest> answersEveryRoleAsTheTableSays() {
        return EndpointRoleTable.load().rows().stream().map(row -> DynamicTest.dynamicTest(row.key(), () -> {
            Map<Role, String> observed = observe(row.method(), row.path(), row.source());
            assertThat(observed).as("line %d; observed: %s", row.line(),
                    EndpointRoleTable.line(row.method(), row.path(), row.source(), observed)).isEqualTo(row.expected());
            if (row.source() == Source.ABSENT) {
                assertThat(observed).as("nobody may reach a path that must not be served").doesNotContainValue("allowed");
            }
        }));
    }

    /** Method and pattern of every Spring MVC handler, our controllers and Actuator's alike ("*" for any method). */
    private Set<String> handlerMappings() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("*");
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(method -> endpoints.add(method + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    private Map<Role, String> observe(String method, String path, Source source) {
        Map<Role, String> outcomes = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            HttpResponse<String> response = send(role, method, concrete(path));
            outcomes.put(role, securityAnswer(response));
            if (source == Source.SERVLET && "allowed".equals(outcomes.get(role))) {
                // A servlet row is checked by hand, not against handler mappings: it must still be served.
                assertThat(response.statusCode()).as("%s %s as %s is not served any more", method, path, role)
                        .isNotEqualTo(404);
            }
        }
        return outcomes;
    }

    /** Security's refusals are recognised by their bodies; anything else came from behind security. */
    static String securityAnswer(HttpResponse<String> response) {
        String body = response.body();
        return switch (response.statusCode()) {
            case 401 -> "401";
            case 404 -> body.contains("Nothing was found at this address.") ? "404" : "allowed";
            case 403 -> body.contains("Your role does not allow this.") ? "403"
                    : body.contains("Session check failed") ? "csrf-refused" : "allowed";
            default -> "allowed";
        };
    }

    /** Path variables become an id that does not exist; the one catch-all (the health groups) a real group. */
    private static String concrete(String pattern) {
        return pattern.replace("/**", "/ping").replaceAll("\\{\\*[^}]+}", "ping").replaceAll("\\{[^}]+}", NO_SUCH_ID);
    }

    private HttpResponse<String> send(Role role, String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (role.user != null) {
            request.header("Authorization", basic(role.user, password(role)));
        }
        if ("/api/login".equals(path)) {
            signIn(request, role);
        } else if ("GET".equals(method) || "*".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The form sign-in with that role's own credentials (anonymous: the coder's, as a browser before sign-in sends
     * them), with the CSRF token the sign-in page would echo: wrong credentials would only show a 401 for every role.
     */
    private static void signIn(HttpRequest.Builder request, Role role) {
        Role signingIn = role == Role.ANONYMOUS ? Role.CODER : role;
        String token = UUID.randomUUID().toString();
        String form = "username=" + URLEncoder.encode(signingIn.user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password(signingIn), StandardCharsets.UTF_8);
        request.header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static String password(Role role) {
        return role == Role.ADMIN ? "admin-it" : role.user;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
