package org.relayrcm.codesets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.relayrcm.RelayRcmApplication;
import org.relayrcm.codesets.CodeSetFiles.InvalidCodeSetFileException;
import org.relayrcm.codesets.CodeSetImporter.ImportResult;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command line import:
 * {@code java -jar relay-rcm.jar codesets import --system ICD10CM --file F [--effective-from D] [--effective-to D]}
 * runs the import against the configured database and exits (status 0 done or already imported, 1 refused
 * file, 2 wrong usage) without serving HTTP and without running process jobs.
 */
@Component
@Order(0)
public class CodeSetsCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String USAGE = "usage: codesets import --system ICD10CM|HCPCS|CPT|OPCS4|ICD10 --file FILE "
            + "[--effective-from YYYY-MM-DD] [--effective-to YYYY-MM-DD]";

    private final CodeSetImporter importer;
    private final ConfigurableApplicationContext context;
    private int exitCode;

    CodeSetsCommand(CodeSetImporter importer, ConfigurableApplicationContext context) {
        this.importer = importer;
        this.context = context;
    }

    /** True when the arguments ask for a code set command rather than the application. */
    public static boolean isCommand(String... args) {
        return args.length > 0 && "codesets".equals(args[0]);
    }

    /** Start-up settings for a command run: no web server, no job executor, no simulator, no folder import. */
    public static SpringApplication application(Class<?> source) {
        SpringApplication app = new SpringApplication(source);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "camunda.bpm.job-execution.enabled", "false",
                "relay.payer-simulator.enabled", "false",
                "relay.codesets.folder-import", "false",
                // Camunda's REST API and webapps only make sense behind a web server.
                "spring.autoconfigure.exclude", "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"));
        return app;
    }

    /** An entry point for the command without the main class's help: {@code -Dloader.main=...CodeSetsCommand}. */
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(application(RelayRcmApplication.class).run(args)));
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        if (!isCommand(args)) {
            return;
        }
        exitCode = execute(args, System.out, System.err);
        // A command never leaves a running application behind, whichever main started it.
        System.exit(SpringApplication.exit(context, this));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"import".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        String system = null;
        String file = null;
        LocalDate from = null;
        LocalDate to = null;
        try {
            for (int i = 2; i < args.length; i++) {
                String[] pair = args[i].split("=", 2);
                String name = pair[0];
                String value = pair.length == 2 ? pair[1] : (i + 1 < args.length ? args[++i] : null);
                switch (name) {
                    case "--system" -> system = value;
                    case "--file" -> file = value;
                    case "--effective-from" -> from = LocalDate.parse(value);
                    case "--effective-to" -> to = LocalDate.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        String wanted = system == null ? "" : system.toUpperCase(Locale.ROOT);
        if (file == null || Arrays.stream(CodeSystem.values()).noneMatch(s -> s.name().equals(wanted))) {
            err.println(USAGE);
            return 2;
        }
        Path path = Path.of(file);
        try {
            byte[] content = Files.readAllBytes(path);
            ImportResult result = importer.importFile(CodeSystem.valueOf(wanted),
                    path.getFileName().toString(), content, from, to, "cli", out::println);
            CodeSetVersion v = result.version();
            out.println((result.created() ? "Imported " : "Already imported, nothing changed: ") + v.system() + " version "
                    + v.id() + " '" + v.label() + "', " + v.codeCount() + " codes (" + v.billableCount()
                    + " billable), in force " + v.effectiveFrom() + " to " + (v.effectiveTo() == null ? "open" : v.effectiveTo()));
            return 0;
        } catch (InvalidCodeSetFileException e) {
            err.println("Refused, nothing changed: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
