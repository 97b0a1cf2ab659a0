package org.relayrcm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Regression tests for Camunda 7 community-edition holes we close ourselves: expressions in task
 * queries (top level and nested in orQueries), the Admin webapp's setup page, Java-serialized
 * variables.
 */
@RelayIntegrationTest
class EngineHardeningIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusesATaskQueryWithAnExpressionAtTheTopLevel() {
        Api.Response response = admin().post("/engine-rest/task", Map.of("assigneeExpression", "${currentUser()}"));
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void refusesATaskQueryWithAnExpressionNestedInOrQueries() {
        Api.Response response = admin().post("/engine-rest/task",
                Map.of("orQueries", java.util.List.of(Map.of("assigneeExpression", "${currentUser()}"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Expressions are not accepted");
    }

    @Test
    void refusesAnExpressionInAQueryStringEvenWhenPercentEncoded() {
        assertThat(admin().get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D").status()).isEqualTo(400);
        assertThat(admin().get("/engine-rest/task/count?candidateGroupsExpression=%23%7BcurrentUserGroups()%7D")
                .status()).isEqualTo(400);
    }

    @Test
    void refusesAStoredFilterCarryingAnExpression() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_FILTER", Long.class);
        Api.Response response = admin().post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "mine",
                "query", Map.of("orQueries", java.util.List.of(Map.of("assigneeExpression", "${currentUser()}")))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_FILTER", Long.class)).isEqualTo(before);
    }

    @Test
    void stillAnswersAnOrdinaryTaskQuery() {
        assertThat(admin().post("/engine-rest/task", Map.of("candidateGroup", "coder")).status()).isEqualTo(200);
    }

    @Test
    void treatsAnExpressionInOurOwnTaskSearchAsPlainText() {
        Api.Response response = Api.as(port, "coder").get("/api/tasks?view=group&businessKey=%24%7B1%2B1%7D");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("content")).isEmpty();
    }

    @Test
    void theAdminSetupPageCannotCreateAUser() {
        Map<String, Object> user = Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "X",
                "email", "i@example.org"), "credentials", Map.of("password", "intruder-pass"));
        assertThat(Api.anonymous(port).post("/camunda/api/admin/setup/default/user/create", user).status()).isEqualTo(401);
        assertThat(Api.as(port, "coder").post("/camunda/api/admin/setup/default/user/create", user).status()).isEqualTo(403);
        assertThat(admin().post("/camunda/api/admin/setup/default/user/create", user).status()).isGreaterThanOrEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'intruder'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE GROUP_ID_ = 'camunda-admin'",
                Long.class)).isPositive();
    }

    @Test
    void refusesJavaSerializedVariables() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
        String serialized = java.util.Base64.getEncoder().encodeToString("not really java".getBytes(StandardCharsets.UTF_8));
        Api.Response response = admin().post("/engine-rest/process-definition/key/revenue-cycle/start", Map.of(
                "businessKey", "SERIAL-1",
                "variables", Map.of("payload", Map.of("value", serialized, "type", "Object", "valueInfo", Map.of(
                        "objectTypeName", "java.util.ArrayList",
                        "serializationDataFormat", "application/x-java-serialized-object")))));
        // The engine answers 500 with its own refusal; the point is that nothing is deserialized or written.
        assertThat(response.status()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).contains("Java serialization format is prohibited");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class)).isEqualTo(before);
    }

    @Test
    void healthIsTheOnlyAnonymousEndpointBesidesSignIn() {
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("db").doesNotContain("diskSpace");
        assertThat(Api.anonymous(port).get("/actuator/info").status()).isEqualTo(401);
    }

    private Api admin() {
        return Api.as(port, "admin");
    }
}
