package org.relayrcm.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application as its own process (target/relay-rcm.jar), for tests of what only a real process shows:
 * the deployment environment, and crashes. Each start appends to one log file under target/.
 */
public final class AppProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with exactly this environment for SPRING_ and RELAY_ variables, plus the arguments. */
    public static AppProcess start(Map<String, String> env, Path log, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("relay.jar", "target/relay-rcm.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the app first: " + jar.toAbsolutePath());
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("RELAY_"));
        builder.environment().putAll(env);
        builder.directory(Files.createTempDirectory("relay-app-cwd").toFile());
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new AppProcess(builder.start(), port, log);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** Waits until /actuator/health answers 200; fails early when the process exits. */
    public Duration awaitUp(Duration within) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The app exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                if (Api.anonymous(port).get("/actuator/health").status() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (RuntimeException notYet) {
                // connection refused while starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not become healthy within " + within + "; see " + log.toAbsolutePath());
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no commit in flight completes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** A new empty database beside the suite's, on the same server; returns its JDBC URL. */
    public static String freshDatabase(String name) throws Exception {
        TestDatabase.Connection db = TestDatabase.connection();
        try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return db.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
