package org.relayrcm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.AppProcess;
import org.relayrcm.testing.TestDatabase;
import org.yaml.snakeyaml.Yaml;

/**
 * Boots the packaged jar with exactly the environment docker-compose.yml gives the app service. Only
 * the database address and credentials are swapped for the local PostgreSQL (the compose host `db`
 * does not exist here); Docker itself cannot run on this machine.
 */
class ComposeEnvironmentIT {

    private static final Path LOG = Path.of("target", "compose-environment-app.log");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z_]+)(?::([-?])([^}]*))?}");

    @Test
    void theJarStartsOnPostgresWithTheComposeEnvironmentAndSeedsOnlyTheAdmin() throws Exception {
        Map<String, String> env = composeEnvironment(Map.of("RELAY_ADMIN_PASSWORD", "compose-secret"));
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres").containsKey("SPRING_DATASOURCE_URL");
        String database = AppProcess.freshDatabase("relay_compose_it");
        TestDatabase.Connection db = TestDatabase.connection();
        env.put("SPRING_DATASOURCE_URL", database);
        env.put("SPRING_DATASOURCE_USERNAME", db.user());
        env.put("SPRING_DATASOURCE_PASSWORD", db.password());
        env.put("RELAY_OUTBOX", Files.createTempDirectory("relay-compose-outbox").toString());
        assertThat(env).containsKey("RELAY_INBOX");
        env.put("RELAY_INBOX", Files.createTempDirectory("relay-compose-inbox").toString());
        Files.deleteIfExists(LOG);

        AppProcess app = AppProcess.start(env, LOG);
        try {
            app.awaitUp(Duration.ofSeconds(180));
            int port = app.port();
            Api admin = adminApi(port);
            assertThat(admin.get("/actuator/health").body()).contains("UP");
            assertThat(admin.get("/api/me").json().get("groups").toString()).contains("camunda-admin");
            assertThat(Api.anonymous(port).get("/api/tasks").status()).isEqualTo(401);
            assertThat(Api.as(port, "coder").get("/api/me").status()).as("no demo users in production").isEqualTo(401);
            assertThat(admin.get("/engine-rest/process-definition?key=revenue-cycle").body()).contains("revenue-cycle");
        } finally {
            app.stop();
        }
    }

    @Test
    void refusesToStartWithoutAnAdminPassword() throws Exception {
        Map<String, String> env = composeEnvironment(Map.of("RELAY_ADMIN_PASSWORD", "unused"));
        env.put("RELAY_ADMIN_PASSWORD", "");
        env.put("SPRING_DATASOURCE_URL", AppProcess.freshDatabase("relay_compose_noadmin_it"));
        env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.connection().user());
        env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.connection().password());

        Files.deleteIfExists(LOG);

        Process app = AppProcess.start(env, LOG).process();
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(Files.readString(LOG)).contains("RELAY_ADMIN_PASSWORD is not set");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment(Map<String, String> hostEnv) throws IOException {
        Path compose = Path.of(System.getProperty("relay.repo-root", ".."), "docker-compose.yml");
        Map<String, Object> doc;
        try (InputStream in = Files.newInputStream(compose)) {
            doc = new Yaml().load(in);
        }
        Map<String, Object> services = (Map<String, Object>) doc.get("services");
        Map<String, Object> raw = (Map<String, Object>) ((Map<String, Object>) services.get("app")).get("environment");
        Map<String, String> env = new HashMap<>();
        raw.forEach((k, v) -> env.put(k, interpolate(String.valueOf(v), hostEnv)));
        return env;
    }

    /** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}, as `docker compose config` resolves them. */
    static String interpolate(String value, Map<String, String> hostEnv) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String set = hostEnv.get(m.group(1));
            String replacement;
            if (set != null && !set.isEmpty()) {
                replacement = set;
            } else if ("-".equals(m.group(2))) {
                replacement = m.group(3);
            } else if ("?".equals(m.group(2))) {
                throw new IllegalStateException("compose would refuse to start: " + m.group(3));
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Api adminApi(int port) {
        return Api.basic(port, "admin", "compose-secret");
    }
}
