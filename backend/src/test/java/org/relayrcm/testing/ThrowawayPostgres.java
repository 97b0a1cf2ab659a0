package org.relayrcm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, under {@code target/}, on a port of its own, that a test may crash with
 * {@code pg_ctl stop -m immediate} (every server process killed at once, no checkpoint: crash recovery from the WAL at
 * the next start) without touching the server the rest of the suite uses. PostgreSQL refuses to run as root, so
 * {@code initdb} and {@code pg_ctl} run as the {@code postgres} user through {@code runuser}; the directory is made
 * theirs. Every command is bounded; {@link #close()} (and a shutdown hook, should the test JVM end first) stops the
 * cluster.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final String RUNUSER = "/usr/sbin/runuser";
    private static final String OWNER = "postgres";

    private final Path bin;
    private final Path data;
    private final Path serverLog;
    private final int port;
    private final Thread stopAtExit;

    private ThrowawayPostgres(Path bin, Path data, Path serverLog, int port) {
        this.bin = bin;
        this.data = data;
        this.serverLog = serverLog;
        this.port = port;
        this.stopAtExit = new Thread(this::stopQuietly, "throwaway-postgres-stop");
    }

    /**
     * Why no throwaway cluster can be made here, or empty when one can: needs PostgreSQL's server binaries
     * ({@code /usr/lib/postgresql/<version>/bin}, or {@code -Drelay.pg.bin=}) and root, to run them as postgres.
     */
    public static Optional<String> unavailableBecause() {
        Optional<Path> bin = serverBinaries();
        if (bin.isEmpty()) {
            return Optional.of("no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin; "
                    + "-Drelay.pg.bin= names another folder");
        }
        if (!Files.isExecutable(Path.of(RUNUSER))) {
            return Optional.of(RUNUSER + " is missing: PostgreSQL refuses to run as root and cannot be started as "
                    + OWNER + " without it");
        }
        try {
            Result version = run(10, RUNUSER, "-u", OWNER, "--", bin.get().resolve("initdb").toString(), "--version");
            return version.exitCode() == 0 ? Optional.empty()
                    : Optional.of("runuser -u " + OWNER + " failed (the tests must run as root, with a " + OWNER
                            + " user): " + version.output().strip());
        } catch (IOException e) {
            return Optional.of("runuser could not be started: " + e.getMessage());
        }
    }

    /**
     * A new cluster in {@code folder} (anything there from an earlier run is stopped and removed), trust
     * authentication for user postgres on 127.0.0.1 only, started.
     */
    public static ThrowawayPostgres create(Path folder) throws IOException {
        Path bin = serverBinaries().orElseThrow(() -> new IllegalStateException(unavailableBecause().orElse("")));
        Path root = folder.toAbsolutePath().normalize();
        Path data = root.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            // An earlier run killed before its cleanup: its server would hold on to the folder (and a port) forever.
            run(30, RUNUSER, "-u", OWNER, "--", bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m",
                    "immediate", "-w", "stop");
        }
        deleteRecursively(root);
        Files.createDirectories(data);
        UserPrincipal postgres = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OWNER);
        Files.setOwner(root, postgres);
        Files.setOwner(data, postgres);
        Result init = run(120, RUNUSER, "-u", OWNER, "--", bin.resolve("initdb").toString(), "-D", data.toString(),
                "-U", OWNER, "-A", "trust", "-E", "UTF8", "--no-sync");
        if (init.exitCode() != 0) {
            throw new IllegalStateException("initdb failed: " + init.output());
        }
        ThrowawayPostgres cluster = new ThrowawayPostgres(bin, data, root.resolve("server.log"), AppProcess.freePort());
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        cluster.start();
        return cluster;
    }

    public int port() {
        return port;
    }

    public String user() {
        return OWNER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Path serverLog() {
        return serverLog;
    }

    /** An empty database in this cluster. */
    public void createDatabase(String name) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), OWNER, "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    /** Starts the server and waits until it accepts connections (after crash recovery, when it crashed). */
    public void start() throws IOException {
        // No Unix socket: the socket folder of the machine's own server is none of this cluster's business.
        pgCtl("-l", serverLog.toString(), "-w", "-t", "120", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start");
    }

    /** The crash: every server process stops at once, nothing is checkpointed; the next start replays the WAL. */
    public void crash() throws IOException {
        pgCtl("-m", "immediate", "-w", "stop");
    }

    /** Stops the server (if it runs) and removes the data folder; the server log stays under target/ to read. */
    @Override
    public void close() throws IOException {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the hook is running or has run: nothing left to remove
        }
        deleteRecursively(data);
    }

    private void stopQuietly() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pgCtl("-m", "immediate", "-w", "stop");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the throwaway PostgreSQL in " + data + ": " + e);
        }
    }

    private void pgCtl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(RUNUSER, "-u", OWNER, "--", bin.resolve("pg_ctl").toString(),
                "-D", data.toString()));
        command.addAll(List.of(arguments));
        Result result = run(150, command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + " failed (" + result.exitCode()
                    + "): " + result.output() + "; see " + serverLog);
        }
    }

    /** {@code -Drelay.pg.bin=}, else the newest {@code /usr/lib/postgresql/<version>/bin} with initdb and pg_ctl. */
    private static Optional<Path> serverBinaries() {
        String configured = System.getProperty("relay.pg.bin");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(ThrowawayPostgres::hasServerTools);
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> each = Files.list(versions)) {
            return each.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).filter(ThrowawayPostgres::hasServerTools);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasServerTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command to its end, or kills it after the timeout: a hung pg_ctl must not hang the build. */
    private static Result run(int timeoutSeconds, String... command) throws IOException {
        Path output = Files.createTempFile("throwaway-postgres", ".out");
        try {
            // Output to a file, not a pipe: a server that inherited the pipe would keep it open, and reading it to
            // its end would wait for the server to stop.
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took over " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running " + command[0], e);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
