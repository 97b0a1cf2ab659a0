package org.relayrcm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the integration tests run on: the server named by RELAY_TEST_DB_URL (CI points it at a
 * dedicated database it recreates each run), or else an embedded PostgreSQL started once per JVM, so
 * that {@code verify} passes on a machine with no database installed. Never H2.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres embedded;

    public record Connection(String url, String user, String password) {
    }

    public static synchronized Connection connection() {
        String url = System.getenv("RELAY_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, env("RELAY_TEST_DB_USER", "postgres"), env("RELAY_TEST_DB_PASSWORD", ""));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return new Connection(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** One outbox per test JVM: files of an earlier run never count in this one's assertions. */
    private static final String OUTBOX = "target/it-outbox/" + System.currentTimeMillis();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Connection db = connection();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("relay-test-database", Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "relay.clearinghouse.outbox", OUTBOX)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
