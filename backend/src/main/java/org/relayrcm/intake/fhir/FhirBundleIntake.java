package org.relayrcm.intake.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.relayrcm.intake.EncounterService;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * {@code POST /fhir/Bundle}: parse (HAPI FHIR R4), validate the structure (no terminology server),
 * map every Encounter and hand them to {@link EncounterService#receiveAll} in one transaction. Any
 * parse error, error-severity validation issue or mapping problem is a 400 listing all of them, and
 * nothing is written. Messages name places in the bundle, never patient data.
 */
@Service
public class FhirBundleIntake {

    private static final Logger log = LoggerFactory.getLogger(FhirBundleIntake.class);
    private static final int MAX_MESSAGES = 50;

    /**
     * Bundle-envelope rules real EHR exports routinely break without making the content ambiguous:
     * entries without {@code fullUrl} and the relative references inside them. The mapping resolves
     * {@code Type/id} references itself and identifies encounters by their identifier, so these stay
     * warnings here; everything else of error severity is refused.
     */
    private static final Set<String> TOLERATED = Set.of("Bundle_BUNDLE_Entry_NoFullUrl", "Bundle_BUNDLE_FullUrl_Missing",
            "BUNDLE_BUNDLE_ENTRY_FULLURL_REQUIRED");

    private final FhirContext fhir;
    private final FhirValidator validator;
    private final jakarta.validation.Validator beanValidator;
    private final EncounterService encounters;
    private final JdbcClient jdbc;
    /** Completes when the warm-up is over; the first requests wait for it rather than warm up a second time. */
    private final java.util.concurrent.CompletableFuture<Void> warm = new java.util.concurrent.CompletableFuture<>();

    FhirBundleIntake(FhirContext fhir, FhirValidator validator, jakarta.validation.Validator beanValidator,
            EncounterService encounters, JdbcClient jdbc) {
        this.fhir = fhir;
        this.validator = validator;
        this.beanValidator = beanValidator;
        this.encounters = encounters;
        this.jdbc = jdbc;
    }

    public record Outcome(List<EncounterService.Received> received, List<EncounterService.Received> alreadyReceived,
            List<Skipped> skipped) {

        public boolean createdAny() {
            return !received.isEmpty();
        }
    }

    public record Skipped(String entry, String identifier, String reason) {
    }

    public Outcome receive(String body) {
        Bundle bundle = parse(body);
        validate(body);
        EncounterMapper.Result mapped = EncounterMapper.map(bundle, this::findPayer, beanValidator);
        if (!mapped.errors().isEmpty()) {
            throw invalid("The bundle's encounters cannot be received as sent; nothing was changed.", mapped.errors());
        }
        EncounterService.BatchResult result = encounters.receiveAll(mapped.encounters().stream()
                .map(m -> new EncounterService.FromEhr(m.sourceIdentifier(), m.encounter())).toList());
        return new Outcome(result.received(), result.alreadyReceived(),
                mapped.skipped().stream().map(s -> new Skipped(s.where(), s.sourceIdentifier(), s.reason())).toList());
    }

    private Bundle parse(String body) {
        List<ValidationError> problems = new ArrayList<>();
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new Collecting(problems));
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw invalid("The body is not FHIR R4 JSON; nothing was changed.",
                    List.of(ValidationError.error("FHIR-PARSE", null, hapiMessage(e))));
        }
        if (!problems.isEmpty()) {
            throw invalid("The bundle does not follow the FHIR R4 structure; nothing was changed.", problems);
        }
        if (!(resource instanceof Bundle bundle)) {
            throw invalid("Send a FHIR Bundle; nothing was changed.", List.of(ValidationError.error("FHIR-NOT-BUNDLE",
                    "resourceType", "Expected a Bundle but got a " + resource.getClass().getSimpleName() + ".")));
        }
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.COLLECTION) {
            // A searchset, history or message bundle is not a set of visits to bill; taking it would guess.
            String type = bundle.getType() == null ? "none" : bundle.getType().toCode();
            throw invalid("Send a transaction or collection bundle; nothing was changed.", List.of(ValidationError.error(
                    "FHIR-BUNDLE-TYPE", "Bundle.type", "Bundle.type is " + type + "; use transaction or collection.")));
        }
        return bundle;
    }

    private void validate(String body) {
        try {
            warm.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // Validate anyway: slower, not wrong.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ValidationResult result = validator.validateWithResult(body);
        List<ValidationError> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                // Some messages ("Array cannot be empty") have no id, and Set.of(...).contains(null) throws.
                .filter(m -> m.getSeverity() == ResultSeverityEnum.FATAL || m.getMessageId() == null
                        || !TOLERATED.contains(m.getMessageId()))
                .map(FhirBundleIntake::toError)
                .toList();
        if (!errors.isEmpty()) {
            throw invalid("The bundle has " + errors.size() + " structural error(s); nothing was changed.", errors);
        }
    }

    private static ValidationError toError(SingleValidationMessage m) {
        return ValidationError.error("FHIR-STRUCTURE", m.getLocationString(), m.getMessage());
    }

    private Optional<String> findPayer(Set<String> codes, Set<String> names) {
        if (!codes.isEmpty()) {
            Optional<String> byCode = jdbc.sql("SELECT payer_code FROM payer WHERE payer_code IN (:codes) ORDER BY id")
                    .param("codes", codes).query(String.class).list().stream().findFirst();
            if (byCode.isPresent()) {
                return byCode;
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> lower = names.stream().map(n -> n.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        return jdbc.sql("SELECT payer_code FROM payer WHERE LOWER(name) IN (:names) ORDER BY id")
                .param("names", lower).query(String.class).list().stream().findFirst();
    }

    private static ApiException invalid(String detail, List<ValidationError> errors) {
        List<ValidationError> shown = errors.size() <= MAX_MESSAGES ? errors : errors.subList(0, MAX_MESSAGES);
        return ApiException.badRequest(detail, shown);
    }

    /** HAPI's messages say what and where; the HAPI-nnnn prefix means nothing to a clerk. */
    private static String hapiMessage(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("HAPI-\\d+: ", "");
        return message.length() <= 500 ? message : message.substring(0, 500) + " ...";
    }

    /** The first validation loads every R4 definition (tens of seconds): do it before the first EHR calls. */
    @EventListener(WebServerInitializedEvent.class)
    void warmUp() {
        Thread warmUp = new Thread(() -> {
            long start = System.nanoTime();
            try {
                validator.validateWithResult("""
                        {"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:2d5a0a52-0d9c-4c55-9d3c-9e8a1f4c7c11",
                        "resource":{"resourceType":"Encounter","status":"finished","class":{"code":"AMB"}}}]}""");
                log.info("FHIR validator ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("FHIR validator warm-up failed: {}", e.getClass().getName());
            } finally {
                warm.complete(null);
            }
        }, "fhir-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Collects what the lenient parser would only log: unknown elements, bad values, wrong cardinality. */
    private record Collecting(List<ValidationError> problems) implements IParserErrorHandler {

        private void add(IParseLocation location, String message) {
            if (problems.size() < MAX_MESSAGES) {
                problems.add(ValidationError.error("FHIR-PARSE",
                        location == null ? null : location.getParentElementName(), message));
            }
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            add(location, "A contained resource has no id.");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String element, BaseJsonLikeValue.ValueType expected,
                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                BaseJsonLikeValue.ScalarType foundScalar) {
            add(location, "Element '" + element + "' has the wrong JSON type (expected " + expected + ", found " + found + ").");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            add(location, "Invalid value: " + error);
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String element) {
            add(location, "Required element '" + element + "' is missing.");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String element) {
            add(location, "Element '" + element + "' may occur only once.");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attribute) {
            add(location, "Unknown attribute '" + attribute + "'.");
        }

        @Override
        public void unknownElement(IParseLocation location, String element) {
            add(location, "Unknown element '" + element + "'.");
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // References are resolved (or reported) by the mapping, with the entry they sit in.
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            add(location, "Reference '" + reference + "' points at no contained resource.");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            add(location, "An extension has both a value and nested extensions.");
        }
    }
}
