package org.relayrcm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.relayrcm.codesets.CodeSetImporter;
import org.relayrcm.codesets.CodeSystem;
import org.relayrcm.codesets.SharedCodeSetFiles;
import org.relayrcm.testing.RelayIntegrationTest;
import org.relayrcm.testing.SessionApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The code search benchmark entry point: GET /api/codes/search on the full FY2026 ICD-10-CM set (98,186
 * codes) from 10 concurrent signed-in clients, against the same searches as an unindexed ILIKE query on the
 * same rows, in the same run; also a pg_trgm GIN-indexed ILIKE when the extension can be created. Prints the
 * p50/p95/p99 of each and the ratio, and writes them to target/code-search-bench.txt. It asserts results,
 * never timings. In plain {@code verify} it sends 20 searches per client (a smoke run that keeps it working);
 * the {@code bench} profile (relay.bench.encounters >= 100) sends 500 per client, or
 * {@code -Drelay.bench.search.requests=N}.
 */
@RelayIntegrationTest
class CodeSearchBenchmarkIT {

    private static final int CLIENTS = Integer.getInteger("relay.bench.search.clients", 10);
    private static final int REQUESTS = Integer.getInteger("relay.bench.search.requests",
            Integer.getInteger("relay.bench.encounters", 5) >= 100 ? 500 : 20);
    private static final String DOS = "2026-03-02";
    /** The coding workbench's search debounce (frontend code-picker.tsx SEARCH_DELAY_MS). */
    private static final int WORKBENCH_DEBOUNCE_MS = 120;

    /** What coders type: code prefixes with and without dots, partial words in any order. */
    private static final List<String> QUERIES = List.of("e11", "E11.9", "e1121", "diab neph", "neph diab", "hypert",
            "essential hypertension", "knee osteoarth", "m17.1", "s52.5", "fract radius", "obstruct pulm exacerb", "uti", "urinary tract inf",
            "chest pain", "asthma", "pneumonia", "ankle sprain", "obes", "hyperlip", "z00.0", "low back pain", "depress",
            "anxiety", "cough", "fever", "headache", "atrial fib", "heart fail", "chronic kidney 3", "t40.1", "poison heroin",
            "migraine", "reflux", "esophag reflux", "vitamin d def", "encounter immuniz", "j45.9", "r10", "abdominal pain");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CodeSetImporter importer;

    private record Timing(String name, long[] nanos) {
        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
        }

        String line() {
            return String.format(Locale.ROOT, "  %-44s p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms  (%d searches)",
                    name, percentile(0.50), percentile(0.95), percentile(0.99), nanos.length);
        }
    }

    @Test
    void measuresSearchAgainstAnUnindexedIlike() throws Exception {
        long version = importer.importFile(CodeSystem.ICD10CM, "2026-code-descriptions-tabular-order.zip",
                SharedCodeSetFiles.bytes(SharedCodeSetFiles.FY2026_ORDER), null, null, "bench", null).version().id();
        List<SessionApi> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(SessionApi.signIn(port, "coder", "coder"));
        }
        AtomicInteger empty = new AtomicInteger();
        IntFunction<Runnable> api = c -> {
            SessionApi client = clients.get(c);
            AtomicInteger i = new AtomicInteger(c);
            return () -> {
                String q = QUERIES.get(i.getAndIncrement() % QUERIES.size());
                var response = client.get("/api/codes/search?system=ICD10CM&dos=" + DOS + "&limit=20&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8));
                assertThat(response.status()).isEqualTo(200);
                if (response.json().get("content").isEmpty()) {
                    empty.incrementAndGet();
                }
            };
        };
        IntFunction<Runnable> ilike = c -> sql(c, version, "code_set_code");
        // The floor of any API call on this machine (HTTP, session, security, JSON), to read the search cost against.
        IntFunction<Runnable> me = c -> () -> assertThat(clients.get(c).get("/api/me").status()).isEqualTo(200);

        run(api, Math.max(5, REQUESTS / 5)); // warm-up: the JIT and the in-memory index of the version
        run(ilike, Math.max(2, REQUESTS / 20));
        Timing apiTiming = new Timing("API /api/codes/search (in-memory index)", run(api, REQUESTS));
        Timing meTiming = new Timing("API /api/me (no search: the HTTP floor)", run(me, REQUESTS));
        // The unindexed baseline costs most of a second per query: enough samples for a p95, not 500 per client.
        Timing ilikeTiming = new Timing("unindexed ILIKE on code_set_code (SQL only)", run(ilike, Math.min(REQUESTS, 40)));
        Timing trgm = trigram(version);
        // The same searches from wrk, a load generator in its own process (C, epoll): the in-JVM clients above share
        // the server's two cores and its heap, so their latencies include their own HTTP client's work.
        String wrkSearch = wrk("API search, wrk, back to back (saturated)", clients.get(0), QUERIES, 0);
        // Each workbench sends a search at most once per debounce (code-picker.tsx, 120 ms): ten coders typing
        // without pause, the most load ten concurrent clients of the app can make.
        String wrkPaced = wrk("API search, wrk, 10 workbench clients", clients.get(0), QUERIES, WORKBENCH_DEBOUNCE_MS);
        String wrkMe = wrk("API /api/me, wrk, back to back (saturated)", clients.get(0), List.of(), 0);

        String report = String.format(Locale.ROOT, """
                Relay RCM code search benchmark: ICD-10-CM FY2026 (%d codes), %d concurrent clients, %s
                %s
                %s
                %s
                %s
                %s
                %s
                %s
                  ratio API p95 / unindexed ILIKE p95 (in-JVM clients): %.3f (target: API p95 <= 10 ms)
                """, jdbc.queryForObject("SELECT code_count FROM code_set_version WHERE id = ?", Integer.class, version),
                CLIENTS, jdbc.queryForObject("SELECT version()", String.class).split(",")[0], apiTiming.line(),
                meTiming.line(), ilikeTiming.line(), trgm == null ? "  pg_trgm: extension not available here, not measured" : trgm.line(),
                wrkSearch, wrkPaced, wrkMe, apiTiming.percentile(0.95) / ilikeTiming.percentile(0.95));
        System.out.println(report);
        Path out = Path.of("target", "code-search-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(empty.get()).isZero();
    }

    /**
     * {@code CLIENTS} connections from /usr/bin/wrk for a fixed time, signed in as the given session, cycling through
     * the queries (or /api/me when there are none), each connection pausing {@code pauseMillis} between its requests
     * (0: back to back); the p50/p95/p99 line, or a note when wrk is not installed (Debian package {@code wrk}).
     */
    private String wrk(String name, SessionApi session, List<String> queries, int pauseMillis) throws Exception {
        Path wrk = Path.of("/usr/bin/wrk");
        if (!Files.isExecutable(wrk)) {
            return String.format(Locale.ROOT, "  %-44s not measured: /usr/bin/wrk is not installed", name);
        }
        StringBuilder lua = new StringBuilder("wrk.headers[\"Cookie\"] = \"" + session.cookieHeader() + "\"\n");
        if (!queries.isEmpty()) {
            lua.append("local paths = {");
            for (String q : queries) {
                lua.append("\"/api/codes/search?system=ICD10CM&dos=").append(DOS).append("&limit=20&q=")
                        .append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append("\",");
            }
            lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n"
                    + "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
        }
        if (pauseMillis > 0) {
            lua.append("delay = function()\n  return ").append(pauseMillis).append("\nend\n");
        }
        lua.append("""
                done = function(summary, latency, requests)
                  io.write(string.format("RESULT %.3f %.3f %.3f %d %d\\n", latency:percentile(50) / 1000,
                    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
                end
                """);
        Path script = Files.createTempFile("relay-wrk", ".lua");
        Files.writeString(script, lua);
        int seconds = REQUESTS >= 100 ? (pauseMillis > 0 ? 30 : 20) : 3;
        Process process = new ProcessBuilder(wrk.toString(), "-t2", "-c" + CLIENTS, "-d" + seconds + "s", "--timeout", "5s",
                "-s", script.toString(), "http://127.0.0.1:" + port + (queries.isEmpty() ? "/api/me" : "/"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Files.deleteIfExists(script);
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("wrk printed no result: " + output));
        String[] f = result.split(" ");
        assertThat(Long.parseLong(f[5])).as("wrk errors (non-2xx, timeouts)").isZero();
        return String.format(Locale.ROOT, "  %-44s p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms  (%s requests in %d s)",
                name, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4], seconds);
    }

    /** The same searches with pg_trgm GIN indexes on a scratch copy of the rows; null where the extension is missing. */
    private Timing trigram(long version) throws Exception {
        try {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        } catch (RuntimeException e) {
            return null;
        }
        jdbc.execute("DROP TABLE IF EXISTS bench_code_trgm");
        try {
            jdbc.update("CREATE TABLE bench_code_trgm AS SELECT * FROM code_set_code WHERE version_id = ?", version);
            jdbc.execute("CREATE INDEX bench_code_trgm_desc ON bench_code_trgm USING gin (description gin_trgm_ops)");
            jdbc.execute("CREATE INDEX bench_code_trgm_code ON bench_code_trgm USING gin (code gin_trgm_ops)");
            jdbc.execute("ANALYZE bench_code_trgm");
            IntFunction<Runnable> trgm = c -> sql(c, version, "bench_code_trgm");
            run(trgm, Math.max(2, REQUESTS / 20));
            return new Timing("pg_trgm GIN-indexed ILIKE (SQL only)", run(trgm, REQUESTS));
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS bench_code_trgm");
        }
    }

    /** The search as one SQL statement: code prefix, or every word somewhere in the title; billable first. */
    private Runnable sql(int client, long version, String table) {
        AtomicInteger i = new AtomicInteger(client);
        return () -> {
            String q = QUERIES.get(i.getAndIncrement() % QUERIES.size()).toLowerCase(Locale.ROOT);
            String[] words = q.replace(".", "").split("\\s+");
            StringBuilder where = new StringBuilder("(code ILIKE ?");
            List<Object> args = new ArrayList<>(List.of(version, q.replace(".", "").replace(" ", "") + "%"));
            where.append(" OR (");
            for (int w = 0; w < words.length; w++) {
                where.append(w == 0 ? "" : " AND ").append("description ILIKE ?");
                args.add("%" + words[w] + "%");
            }
            where.append("))");
            jdbc.queryForList("SELECT code, description, billable FROM " + table + " WHERE version_id = ? AND " + where
                    + " ORDER BY billable DESC, LENGTH(description), code LIMIT 20", args.toArray());
        };
    }

    /** Each client runs its searches back to back; returns every search's latency. */
    private long[] run(IntFunction<Runnable> clientSearch, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Runnable search = clientSearch.apply(c);
                futures.add(pool.submit(() -> {
                    long[] nanos = new long[perClient];
                    for (int r = 0; r < perClient; r++) {
                        long start = System.nanoTime();
                        search.run();
                        nanos[r] = System.nanoTime() - start;
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                for (long n : f.get()) {
                    all.add(n);
                }
            }
            Collections.shuffle(all);
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdownNow();
        }
    }
}
