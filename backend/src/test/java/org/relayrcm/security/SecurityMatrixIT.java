package org.relayrcm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's role × endpoint table, row by row: anonymous is 401, a role that may not use an API is
 * 404 (no probing), the engine's REST API answers 403 to anyone but an admin.
 */
@RelayIntegrationTest
class SecurityMatrixIT {

    @LocalServerPort
    int port;

    static Stream<Arguments> matrix() {
        return Stream.of(
                // user, method, path, expected status
                Arguments.of(null, "GET", "/api/tasks", 401),
                Arguments.of(null, "GET", "/engine-rest/task", 401),
                Arguments.of(null, "GET", "/api/me", 401),
                Arguments.of(null, "GET", "/api/claims", 401),
                Arguments.of(null, "GET", "/camunda/app/cockpit/default/", 401),
                Arguments.of(null, "GET", "/actuator/health", 200),
                Arguments.of(null, "GET", "/actuator/info", 401),
                Arguments.of(null, "POST", "/fhir/Bundle", 401),
                Arguments.of("coder", "POST", "/fhir/Bundle", 404),
                Arguments.of("biller", "GET", "/api/admin/codesets/versions", 404),
                Arguments.of("coder", "GET", "/api/audits/accuracy", 404),
                Arguments.of("biller", "GET", "/api/queries/1", 404),
                Arguments.of("coder", "GET", "/api/access-log", 404),
                Arguments.of("auditor", "GET", "/api/access-log", 404),
                Arguments.of("manager", "GET", "/api/access-log", 200),
                Arguments.of("admin", "GET", "/api/admin/codesets/versions", 200),
                Arguments.of("physician", "GET", "/api/codes/search?system=ICD10CM&q=E11", 200),
                Arguments.of("coder", "GET", "/engine-rest/task", 403),
                Arguments.of("biller", "GET", "/engine-rest/process-definition", 403),
                Arguments.of("manager", "GET", "/engine-rest/task", 403),
                Arguments.of("admin", "GET", "/engine-rest/task", 200),
                Arguments.of("coder", "GET", "/api/tasks", 200),
                Arguments.of("biller", "GET", "/api/tasks", 200),
                Arguments.of("coder", "GET", "/api/me", 200),
                Arguments.of("coder", "GET", "/api/claims", 404),
                Arguments.of("physician", "GET", "/api/claims", 404),
                Arguments.of("biller", "GET", "/api/claims", 200),
                Arguments.of("manager", "GET", "/api/claims", 200),
                Arguments.of("auditor", "GET", "/api/claims", 200),
                Arguments.of("biller", "GET", "/api/coding/cases/1", 404),
                Arguments.of("physician", "GET", "/api/coding/cases/1", 404),
                Arguments.of("coder", "GET", "/api/encounters", 404),
                Arguments.of("biller", "GET", "/api/encounters", 200),
                Arguments.of("physician", "GET", "/api/encounters", 404),
                Arguments.of("coder", "POST", "/api/encounters", 404),
                Arguments.of("biller", "POST", "/api/encounters", 404),
                // A coder may read a denial whose recode task is offered to them (DenialService): security lets coders by.
                Arguments.of("physician", "GET", "/api/denials/1", 404),
                Arguments.of("coder", "POST", "/api/claims/1/fix", 404),
                Arguments.of("manager", "POST", "/api/claims/1/fix", 404),
                Arguments.of("auditor", "POST", "/api/claims/1/replace", 404),
                Arguments.of("physician", "POST", "/api/claims/1/follow-up", 404),
                Arguments.of(null, "POST", "/api/claims/1/fix", 401),
                Arguments.of("coder", "POST", "/api/remittances", 404),
                Arguments.of("coder", "POST", "/api/acknowledgements", 404),
                Arguments.of("manager", "POST", "/api/acknowledgements", 404),
                Arguments.of("auditor", "POST", "/api/acknowledgements", 404),
                Arguments.of(null, "POST", "/api/acknowledgements", 401),
                Arguments.of("biller", "POST", "/api/acknowledgements", 400),
                Arguments.of("ehr", "POST", "/api/acknowledgements", 400),
                Arguments.of("auditor", "PUT", "/api/coding/cases/1/draft", 404),
                Arguments.of("coder", "GET", "/api/codes?system=ICD10CM&q=M17", 200),
                // Denial queues: an empty body is a 400 for the role that may act, a 404 for everyone else.
                Arguments.of("coder", "POST", "/api/denials/1/recode", 400),
                Arguments.of("biller", "POST", "/api/denials/1/recode", 404),
                Arguments.of("manager", "POST", "/api/denials/1/recode", 404),
                Arguments.of("biller", "POST", "/api/denials/1/fix-registration", 400),
                Arguments.of("coder", "POST", "/api/denials/1/fix-registration", 404),
                Arguments.of("biller", "POST", "/api/denials/1/resolve", 400),
                Arguments.of("coder", "POST", "/api/denials/1/resolve", 404),
                Arguments.of("biller", "POST", "/api/appeals/1/send", 400),
                Arguments.of("biller", "POST", "/api/appeals/1/decision", 400),
                Arguments.of("manager", "POST", "/api/appeals/1/send", 404),
                Arguments.of("coder", "GET", "/api/appeals/1", 404),
                Arguments.of("coder", "GET", "/api/appeals/1/letter", 404),
                Arguments.of(null, "GET", "/api/appeals/1/letter", 401),
                Arguments.of("manager", "POST", "/api/write-offs/1/decision", 400),
                Arguments.of("biller", "POST", "/api/write-offs/1/decision", 404),
                Arguments.of("coder", "GET", "/api/write-offs/1", 404),
                Arguments.of("biller", "POST", "/api/claims/1/timely-filing-risk", 404),
                Arguments.of("coder", "POST", "/api/claims/1/timely-filing-risk", 404),
                Arguments.of("coder", "GET", "/api/tasks?sort=dollars", 400),
                Arguments.of("coder", "GET", "/actuator/health", 200));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("matrix")
    void enforcesTheRoleTable(String user, String method, String path, int expected) {
        Api api = user == null ? Api.anonymous(port) : Api.as(port, user);
        Api.Response response = switch (method) {
            case "GET" -> api.get(path);
            case "PUT" -> api.put(path, "{}");
            default -> path.equals("/api/remittances") || path.equals("/api/acknowledgements")
                    ? api.postRaw(path, "application/edi-x12", "ISA".getBytes())
                    : api.post(path, "{}");
        };
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected >= 400 && (path.startsWith("/api") || path.startsWith("/fhir"))) {
            assertThat(response.contentType()).contains("application/problem+json");
        }
    }

    @org.junit.jupiter.api.Test
    void refusesAWrongPassword() {
        Api.Response response = Api.as(port, "coder-with-wrong-password").get("/api/me");
        assertThat(response.status()).isEqualTo(401);
    }
}
