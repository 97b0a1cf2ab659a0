package org.relayrcm.badinput;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.relayrcm.testing.RelayFixture;

/**
 * Turns a manifest's input into the request body's bytes. Forms:
 * <ul>
 * <li>{@code empty}; {@code raw:TEXT} (the text as UTF-8);</li>
 * <li>{@code file:PATH} under {@code bad-input/} on the test class path; {@code shared:PATH} under
 * {@code ../shared/data} (the case is skipped when that folder is absent);</li>
 * <li>{@code x12:SHARED-SAMPLE|MUTATION} (see {@link X12Mutations}); {@code garbage:SEED:BYTES};</li>
 * <li>{@code json:BASE} or {@code json:BASE|POINTER|VALUE} (see {@link JsonMutations}), where BASE is a valid body:
 * {@code encounter}, {@code codes}, {@code claim-fix}, {@code resolution}, {@code recode}, {@code appeal},
 * {@code payment}, {@code follow-up}, {@code bundle} (bad-input/fhir/bundle.json) or {@code synthea} (a Synthea
 * bundle from the shared data);</li>
 * <li>{@code deep-json:N} (arrays nested N deep) and {@code chars:N} (a JSON string of N characters);</li>
 * <li>{@code multipart:PART&PART...}, each part {@code name=text} or {@code name@INPUT} (a file part holding the
 * bytes of another input), separated by {@link #BOUNDARY}.</li>
 * </ul>
 */
final class CorpusInputs {

    /** The shared data as the backend module sees it (tests run in backend/). */
    static final Path SHARED = Path.of("../../shared/data");
    static final String SYNTHEA = "synthea/smart_Abdul_Koepp_e925b0f3-8006-43f6-aa31-94bd215e55e7.json";
    /** The encounter number every encounter body carries; none may ever be stored. */
    static final String ENCOUNTER_NUMBER = "BADINPUT-1";

    private CorpusInputs() {
    }

    static byte[] resolve(String input) {
        int colon = input.indexOf(':');
        String kind = colon < 0 ? input : input.substring(0, colon);
        String arg = colon < 0 ? "" : input.substring(colon + 1);
        return switch (kind) {
            case "empty" -> new byte[0];
            case "raw" -> utf8(arg);
            case "file" -> classpath("/bad-input/" + arg);
            case "shared" -> shared(arg);
            case "x12" -> {
                String[] parts = arg.split("\\|", 2);
                yield X12Mutations.apply(shared(parts[0]), parts[1]);
            }
            case "garbage" -> {
                String[] parts = arg.split(":");
                yield X12Mutations.garbage(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
            }
            case "json" -> utf8(json(arg));
            case "deep-json" -> utf8(JsonMutations.deep(Integer.parseInt(arg)));
            case "chars" -> utf8("\"" + JsonMutations.chars(Integer.parseInt(arg)) + "\"");
            case "multipart" -> multipart(arg);
            default -> throw new IllegalArgumentException("Unknown input " + input);
        };
    }

    private static String json(String arg) {
        String[] parts = arg.split("\\|", 3);
        String base = switch (parts[0]) {
            case "encounter" -> JsonMutations.toJson(RelayFixture.encounter(ENCOUNTER_NUMBER));
            case "bundle" -> new String(classpath("/bad-input/fhir/bundle.json"), StandardCharsets.UTF_8);
            case "synthea" -> new String(shared(SYNTHEA), StandardCharsets.UTF_8);
            default -> JsonMutations.toJson(JsonMutations.base(parts[0]));
        };
        if (parts.length == 1) {
            return base;
        }
        if (parts.length != 3) {
            throw new IllegalArgumentException("json:BASE|POINTER|VALUE, not " + arg);
        }
        return JsonMutations.apply(base, parts[1], parts[2]);
    }

    /** The boundary of every multipart body; the manifest's content type names it. */
    static final String BOUNDARY = "corpus-boundary";

    private static byte[] multipart(String spec) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String part : spec.split("&")) {
            int file = part.indexOf('@');
            int text = part.indexOf('=');
            boolean isFile = file > 0 && (text < 0 || file < text);
            String name = part.substring(0, isFile ? file : text);
            out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (isFile ? "; filename=\"upload.dat\"\r\nContent-Type: application/octet-stream" : "") + "\r\n\r\n"));
            out.writeBytes(isFile ? resolve(part.substring(file + 1)) : utf8(part.substring(text + 1)));
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    static byte[] shared(String path) {
        Path file = SHARED.resolve(path);
        assumeTrue(Files.isRegularFile(file), () -> "shared data absent: " + file.toAbsolutePath().normalize());
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] classpath(String resource) {
        try (InputStream in = CorpusInputs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
