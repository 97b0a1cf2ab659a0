package org.relayrcm.intake.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.relayrcm.intake.NewEncounter;
import org.relayrcm.shared.ValidationError;

/**
 * Maps the Encounters of one parsed bundle to {@link NewEncounter}s. Every problem is collected (with
 * where it sits in the bundle) rather than thrown, so the sender sees all of them at once. The rules:
 * <ul>
 * <li>identity: the Encounter's identifier ({@code system|value}; official, then usual, then any), else the
 * entry's absolute {@code fullUrl}; neither is an error (a relative id could collide across EHRs);</li>
 * <li>patient: {@code Encounter.subject}, matched by its MR identifier (else usual/official/first);
 * never guessed;</li>
 * <li>date of service: the calendar date of {@code period.start} as the EHR wrote it (else {@code period.end});</li>
 * <li>place of service from {@code Encounter.class}; planned, cancelled and entered-in-error encounters are skipped;</li>
 * <li>documentation: the note (DocumentReference with text content, or Composition) else a summary;</li>
 * <li>payer: the patient's Coverage in force on the date of service, else the focal {@code Claim.insurance}
 * of a Claim for this encounter, else self-pay.</li>
 * </ul>
 */
final class EncounterMapper {

    static final int MAX_DOCUMENTATION = 200_000;
    static final int MAX_SOURCE_IDENTIFIER = 600;
    static final String TRUNCATED = "\n[... truncated: the documentation exceeded 200,000 characters; read the rest in the EHR]";

    /** Finds the payer code for what the EHR says about a payer: its identifiers, then its names. */
    interface PayerDirectory {
        Optional<String> find(Set<String> codes, Set<String> names);
    }

    record Mapped(String sourceIdentifier, String where, NewEncounter encounter) {
    }

    record Skipped(String where, String sourceIdentifier, String reason) {
    }

    record Result(List<Mapped> encounters, List<Skipped> skipped, List<ValidationError> errors) {
    }

    private static final Set<Encounter.EncounterStatus> NOT_BILLABLE = Set.of(Encounter.EncounterStatus.PLANNED,
            Encounter.EncounterStatus.CANCELLED, Encounter.EncounterStatus.ENTEREDINERROR);

    private final BundleIndex bundle;
    private final PayerDirectory payers;
    private final jakarta.validation.Validator validator;
    private final List<ValidationError> errors = new ArrayList<>();

    private EncounterMapper(BundleIndex bundle, PayerDirectory payers, jakarta.validation.Validator validator) {
        this.bundle = bundle;
        this.payers = payers;
        this.validator = validator;
    }

    static Result map(Bundle parsed, PayerDirectory payers, jakarta.validation.Validator validator) {
        return new EncounterMapper(new BundleIndex(parsed), payers, validator).map();
    }

    private Result map() {
        List<Mapped> mapped = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<Encounter> encounters = bundle.all(Encounter.class);
        if (encounters.isEmpty()) {
            errors.add(ValidationError.error("FHIR-NO-ENCOUNTER", "Bundle.entry",
                    "The bundle holds no Encounter; send each visit as an Encounter with its Patient."));
        }
        for (Encounter encounter : encounters) {
            String where = bundle.where(encounter);
            String source = sourceIdentifier(encounter, where);
            if (source != null) {
                String first = seen.putIfAbsent(source, where);
                if (first != null) {
                    errors.add(ValidationError.error("FHIR-DUPLICATE-ENCOUNTER", where + ".identifier",
                            "Encounter " + source + " is also in " + first + "; send each encounter once per bundle."));
                    continue;
                }
            }
            if (encounter.hasStatus() && NOT_BILLABLE.contains(encounter.getStatus())) {
                skipped.add(new Skipped(where, source, "status " + encounter.getStatus().toCode() + ": nothing to code"));
                continue;
            }
            NewEncounter result = encounter(encounter, where, source);
            if (result != null && source != null) {
                mapped.add(new Mapped(source, where, result));
            }
        }
        return new Result(mapped, skipped, List.copyOf(errors));
    }

    private String sourceIdentifier(Encounter encounter, String where) {
        Optional<Identifier> identifier = preferred(encounter.getIdentifier());
        String source = identifier.map(i -> (i.hasSystem() ? i.getSystem() + "|" : "") + i.getValue())
                .or(() -> bundle.fullUrl(encounter).filter(EncounterMapper::absolute))
                .or(() -> Optional.ofNullable(encounter.getIdElement().getIdPart()).filter(EncounterMapper::absolute))
                .orElse(null);
        if (source == null) {
            errors.add(ValidationError.error("FHIR-ENCOUNTER-IDENTITY", where + ".identifier",
                    "The Encounter has no identifier and no absolute fullUrl, so a resend could not be recognised; "
                            + "add the EHR's encounter identifier."));
            return null;
        }
        if (source.length() > MAX_SOURCE_IDENTIFIER) {
            errors.add(ValidationError.error("FHIR-ENCOUNTER-IDENTITY", where + ".identifier",
                    "The Encounter identifier is " + source.length() + " characters long; at most "
                            + MAX_SOURCE_IDENTIFIER + " are accepted."));
            return null;
        }
        return source;
    }

    private NewEncounter encounter(Encounter encounter, String where, String source) {
        int errorsBefore = errors.size();
        Patient patient = null;
        if (!encounter.hasSubject()) {
            errors.add(ValidationError.error("FHIR-ENCOUNTER-SUBJECT", where + ".subject",
                    "The Encounter names no patient (subject); it cannot be billed. Add subject referring to the Patient."));
        } else {
            patient = bundle.resolve(encounter.getSubject(), encounter, Patient.class).orElse(null);
            if (patient == null) {
                errors.add(ValidationError.error("FHIR-ENCOUNTER-SUBJECT", where + ".subject",
                        "The Encounter's subject (" + describe(encounter.getSubject())
                                + ") is not a Patient in this bundle; send the Patient in the same bundle."));
            }
        }
        LocalDate dateOfService = dateOfService(encounter, where);
        NewEncounter.Patient mappedPatient = patient == null ? null : patient(patient);
        NewEncounter.Coverage coverage = patient == null ? null : coverage(encounter, patient, dateOfService, where);
        if (errors.size() > errorsBefore) {
            return null;
        }
        // Without an identity (already reported) the encounter is still checked, so every problem shows at once.
        NewEncounter result = new NewEncounter(source == null ? "FH-UNIDENTIFIED" : encounterNumber(source), dateOfService, placeOfService(encounter),
                mappedPatient, coverage, documentation(encounter, patient, source, coverage));
        for (var violation : validator.validate(result)) {
            errors.add(ValidationError.error("FHIR-ENCOUNTER-FIELD", where + " -> " + violation.getPropertyPath(),
                    describe(violation.getPropertyPath().toString()) + ": " + violation.getMessage()));
        }
        return errors.size() > errorsBefore ? null : result;
    }

    /**
     * A short business key derived from the EHR's identity, so the same Encounter always gets the same
     * number: FH- and 12 base-32 characters (60 bits of SHA-256).
     */
    static String encounterNumber(String sourceIdentifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sourceIdentifier.getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            StringBuilder number = new StringBuilder("FH-");
            for (int i = 0; i < 12; i++) {
                number.append(alphabet.charAt((int) ((bits >>> (64 - 5 * (i + 1))) & 31)));
            }
            return number.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate dateOfService(Encounter encounter, String where) {
        var period = encounter.getPeriod();
        String written = period.hasStart() ? period.getStartElement().getValueAsString()
                : period.hasEnd() ? period.getEndElement().getValueAsString() : null;
        if (written == null) {
            errors.add(ValidationError.error("FHIR-ENCOUNTER-DATE", where + ".period",
                    "The Encounter has no period.start; the date of service is needed to bill it."));
            return null;
        }
        try {
            // The calendar date as the EHR wrote it, in the EHR's own time zone.
            return LocalDate.parse(written.length() >= 10 ? written.substring(0, 10) : written);
        } catch (DateTimeParseException e) {
            errors.add(ValidationError.error("FHIR-ENCOUNTER-DATE", where + ".period.start",
                    "The date of service '" + written + "' is not a full date (year, month and day)."));
            return null;
        }
    }

    private static String placeOfService(Encounter encounter) {
        String code = encounter.getClass_().getCode();
        if (code == null) {
            return "11";
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "EMER" -> "23";
            case "IMP", "ACUTE", "NONAC" -> "21";
            case "OBSENC", "SS", "PRENC" -> "22";
            case "HH" -> "12";
            case "VR" -> "02";
            default -> "11";
        };
    }

    // ---- patient ----

    private NewEncounter.Patient patient(Patient patient) {
        String mrn = patient.getIdentifier().stream()
                .filter(i -> i.hasValue() && i.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode())))
                .map(Identifier::getValue).findFirst()
                .or(() -> preferred(patient.getIdentifier()).map(Identifier::getValue))
                .orElse(null);
        if (mrn == null) {
            errors.add(ValidationError.error("FHIR-PATIENT-MRN", bundle.where(patient) + ".identifier",
                    "The Patient has no identifier; Relay RCM matches patients by medical record number and will not guess."));
        }
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .or(() -> patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst())
                .or(() -> patient.getName().stream().filter(n -> n.getUse() != HumanName.NameUse.OLD
                        && n.getUse() != HumanName.NameUse.MAIDEN).findFirst())
                .orElse(new HumanName());
        String first = name.hasGiven() ? name.getGiven().get(0).getValue() : null;
        String last = name.getFamily();
        if ((first == null || last == null) && name.hasText()) {
            String[] parts = name.getText().strip().split("\\s+");
            first = first != null ? first : parts[0];
            last = last != null ? last : parts[parts.length - 1];
        }
        LocalDate birthDate = null;
        if (patient.hasBirthDateElement()) {
            String written = patient.getBirthDateElement().getValueAsString();
            try {
                birthDate = LocalDate.parse(written);
            } catch (DateTimeParseException e) {
                errors.add(ValidationError.error("FHIR-PATIENT-BIRTHDATE", bundle.where(patient) + ".birthDate",
                        "The birth date '" + written + "' is not a full date; claims need year, month and day."));
            }
        }
        Address address = patient.getAddress().stream().filter(a -> a.getUse() == Address.AddressUse.HOME).findFirst()
                .or(() -> patient.getAddress().stream().findFirst()).orElse(new Address());
        return new NewEncounter.Patient(mrn, cut(first, 35), cut(last, 60), birthDate, sex(patient.getGender()),
                address.hasLine() ? cut(address.getLine().get(0).getValue(), 55) : null,
                cut(address.getCity(), 30), UsStates.code(address.getState()), postalCode(address.getPostalCode()));
    }

    private static String sex(Enumerations.AdministrativeGender gender) {
        if (gender == null) {
            return "U";
        }
        return switch (gender) {
            case FEMALE -> "F";
            case MALE -> "M";
            default -> "U";
        };
    }

    private static String postalCode(String postal) {
        if (postal == null) {
            return null;
        }
        String digits = postal.replaceAll("[\\s-]", "");
        return digits.matches("\\d{5}(\\d{4})?") ? digits : null;
    }

    // ---- payer ----

    private NewEncounter.Coverage coverage(Encounter encounter, Patient patient, LocalDate dos, String where) {
        Optional<Coverage> coverage = bundle.all(Coverage.class).stream()
                .filter(c -> bundle.pointsAt(c.getBeneficiary(), c, patient))
                .filter(c -> !c.hasStatus() || c.getStatus() == Coverage.CoverageStatus.ACTIVE)
                .filter(c -> dos == null || inForce(c, dos))
                .min(Comparator.comparing(c -> c.hasOrder() ? c.getOrder() : Integer.MAX_VALUE));
        if (coverage.isPresent()) {
            return coverage(coverage.get(), coverage.get(), bundle.where(coverage.get()));
        }
        for (Claim claim : claimsFor(encounter)) {
            Optional<Claim.InsuranceComponent> insurance = claim.getInsurance().stream().filter(Claim.InsuranceComponent::getFocal)
                    .findFirst().or(() -> claim.getInsurance().stream().findFirst());
            if (insurance.isPresent()) {
                Optional<Coverage> insured = bundle.resolve(insurance.get().getCoverage(), claim, Coverage.class);
                if (insured.isPresent()) {
                    return coverage(insured.get(), claim, bundle.where(claim) + ".insurance");
                }
            }
        }
        return null;
    }

    private NewEncounter.Coverage coverage(Coverage coverage, Resource container, String where) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Reference payor : coverage.getPayor()) {
            if (payor.hasIdentifier() && payor.getIdentifier().hasValue()) {
                codes.add(payor.getIdentifier().getValue());
            }
            if (payor.hasDisplay()) {
                names.add(payor.getDisplay());
            }
            Optional<Resource> target = bundle.resolve(payor, coverage).or(() -> bundle.resolve(payor, container));
            if (target.isPresent() && target.get() instanceof Organization org) {
                org.getIdentifier().stream().filter(Identifier::hasValue).forEach(i -> codes.add(i.getValue()));
                if (org.hasName()) {
                    names.add(org.getName());
                }
            }
        }
        Optional<String> payerCode = payers.find(codes, names);
        if (payerCode.isEmpty()) {
            errors.add(ValidationError.error("INTAKE-PAYER-UNKNOWN", where + ".payor",
                    "Unknown payer " + Stream.concat(names.stream(), codes.stream()).map(s -> "'" + cut(s, 80) + "'").toList()
                            + ". Ask billing to add the payer (payer code = the payer's identifier) first."));
            return null;
        }
        String member = coverage.hasSubscriberId() ? coverage.getSubscriberId()
                : coverage.getIdentifier().stream()
                        .filter(i -> i.hasValue() && i.getType().getCoding().stream().anyMatch(c -> "MB".equals(c.getCode())))
                        .map(Identifier::getValue).findFirst()
                        .or(() -> preferred(coverage.getIdentifier()).map(Identifier::getValue)).orElse(null);
        if (member == null) {
            errors.add(ValidationError.error("FHIR-COVERAGE-MEMBER", where + ".subscriberId",
                    "The Coverage has no member id (subscriberId or identifier); the payer needs it on the claim."));
            return null;
        }
        return new NewEncounter.Coverage(payerCode.get(), member.replaceAll("\\s", ""));
    }

    private static boolean inForce(Coverage coverage, LocalDate dos) {
        var period = coverage.getPeriod();
        String start = period.hasStart() ? period.getStartElement().getValueAsString() : null;
        String end = period.hasEnd() ? period.getEndElement().getValueAsString() : null;
        String day = dos.toString();
        return (start == null || start.substring(0, Math.min(10, start.length())).compareTo(day) <= 0)
                && (end == null || end.substring(0, Math.min(10, end.length())).compareTo(day) >= 0);
    }

    private List<Claim> claimsFor(Encounter encounter) {
        return bundle.all(Claim.class).stream()
                .filter(c -> c.getItem().stream().flatMap(i -> i.getEncounter().stream())
                        .anyMatch(r -> bundle.pointsAt(r, c, encounter)))
                .toList();
    }

    // ---- documentation ----

    private String documentation(Encounter encounter, Patient patient, String source, NewEncounter.Coverage coverage) {
        StringBuilder doc = new StringBuilder();
        doc.append("EHR encounter ").append(ClinicalText.line(source)).append('\n');
        doc.append(ClinicalText.line("Type: " + (encounter.hasType() ? ClinicalText.concepts(encounter.getType())
                : "(not stated)") + "; class " + (encounter.getClass_().hasCode() ? encounter.getClass_().getCode() : "?")
                + "; " + Optional.ofNullable(ClinicalText.period(encounter.getPeriod())).orElse(""))).append('\n');
        List<String> clinicians = encounter.getParticipant().stream()
                .map(p -> bundle.resolve(p.getIndividual(), encounter, Practitioner.class)
                        .map(pr -> pr.getNameFirstRep().getNameAsSingleString())
                        .orElse(p.getIndividual().getDisplay()))
                .filter(s -> s != null && !s.isBlank()).toList();
        if (!clinicians.isEmpty()) {
            doc.append(ClinicalText.line("Clinician: " + String.join(", ", clinicians))).append('\n');
        }
        bundle.resolve(encounter.getServiceProvider(), encounter, Organization.class).filter(Organization::hasName)
                .ifPresent(o -> doc.append(ClinicalText.line("Facility: " + o.getName())).append('\n'));
        if (encounter.hasReasonCode()) {
            doc.append(ClinicalText.line("Reason for visit: " + ClinicalText.concepts(encounter.getReasonCode()))).append('\n');
        }
        if (coverage == null) {
            insuranceHint(encounter).ifPresent(h -> doc.append(ClinicalText.line(
                    "Insurance named by the EHR: " + h + " (no payer or member id sent; registered as self-pay)")).append('\n'));
        }
        doc.append('\n');
        String note = note(encounter);
        if (!note.isBlank()) {
            doc.append("Clinical note:\n").append(note.strip()).append('\n');
        } else {
            summary(encounter, doc);
        }
        doc.append("\nCodes in brackets are the EHR's clinical terms, shown as documentation only: "
                + "assign billing codes (ICD-10-CM, CPT, HCPCS) from the documentation.");
        if (doc.length() > MAX_DOCUMENTATION) {
            doc.setLength(MAX_DOCUMENTATION - TRUNCATED.length());
            doc.append(TRUNCATED);
        }
        return doc.toString();
    }

    private Optional<String> insuranceHint(Encounter encounter) {
        return claimsFor(encounter).stream().flatMap(c -> c.getInsurance().stream())
                .map(i -> i.getCoverage().getDisplay()).filter(d -> d != null && !d.isBlank()).findFirst();
    }

    private String note(Encounter encounter) {
        StringBuilder note = new StringBuilder();
        for (DocumentReference document : bundle.all(DocumentReference.class)) {
            if (document.getStatus() == Enumerations.DocumentReferenceStatus.ENTEREDINERROR
                    || document.getContext().getEncounter().stream().noneMatch(r -> bundle.pointsAt(r, document, encounter))) {
                continue;
            }
            for (DocumentReference.DocumentReferenceContentComponent content : document.getContent()) {
                String text = attachmentText(content.getAttachment());
                if (!text.isBlank()) {
                    note.append(document.hasType() ? ClinicalText.line(ClinicalText.concept(document.getType())) + "\n" : "")
                            .append(text.strip()).append("\n\n");
                }
            }
        }
        for (Composition composition : bundle.all(Composition.class)) {
            if (composition.getStatus() == Composition.CompositionStatus.ENTEREDINERROR
                    || !bundle.pointsAt(composition.getEncounter(), composition, encounter)) {
                continue;
            }
            if (composition.hasTitle()) {
                note.append(composition.getTitle()).append('\n');
            }
            sections(composition.getSection(), note);
        }
        return note.toString();
    }

    private static void sections(List<Composition.SectionComponent> sections, StringBuilder note) {
        for (Composition.SectionComponent section : sections) {
            String text = ClinicalText.narrative(section.getText());
            if (section.hasTitle()) {
                note.append(section.getTitle()).append(":\n");
            }
            if (!text.isBlank()) {
                note.append(text).append("\n\n");
            }
            sections(section.getSection(), note);
        }
    }

    private static String attachmentText(Attachment attachment) {
        if (!attachment.hasData()) {
            return "";
        }
        String type = attachment.hasContentType() ? attachment.getContentType().toLowerCase(Locale.ROOT) : "text/plain";
        if (!type.startsWith("text/")) {
            return "";
        }
        String text = new String(attachment.getData(), StandardCharsets.UTF_8);
        return type.startsWith("text/html") || type.startsWith("application/xhtml") ? ClinicalText.html(text) : text;
    }

    private void summary(Encounter encounter, StringBuilder doc) {
        List<String> conditions = new ArrayList<>();
        Set<Condition> listed = new LinkedHashSet<>();
        for (Encounter.DiagnosisComponent diagnosis : encounter.getDiagnosis()) {
            bundle.resolve(diagnosis.getCondition(), encounter, Condition.class).ifPresent(listed::add);
        }
        bundle.all(Condition.class).stream().filter(c -> bundle.pointsAt(c.getEncounter(), c, encounter)).forEach(listed::add);
        for (Condition condition : listed) {
            if (isEnteredInError(condition.getVerificationStatus())) {
                continue;
            }
            conditions.add(ClinicalText.concept(condition.getCode())
                    + status(condition.getClinicalStatus(), condition.getVerificationStatus())
                    + (condition.hasOnsetDateTimeType() ? ", onset " + condition.getOnsetDateTimeType().getValueAsString().substring(0, 10) : ""));
        }
        List<String> procedures = bundle.all(Procedure.class).stream()
                .filter(p -> bundle.pointsAt(p.getEncounter(), p, encounter))
                .filter(p -> p.getStatus() != Procedure.ProcedureStatus.ENTEREDINERROR && p.getStatus() != Procedure.ProcedureStatus.NOTDONE)
                .map(p -> ClinicalText.concept(p.getCode())
                        + (p.hasBodySite() ? ", site " + ClinicalText.concepts(p.getBodySite()) : "")
                        + (p.hasStatus() && p.getStatus() != Procedure.ProcedureStatus.COMPLETED ? " [" + p.getStatus().toCode() + "]" : ""))
                .toList();
        List<String> observations = bundle.all(Observation.class).stream()
                .filter(o -> bundle.pointsAt(o.getEncounter(), o, encounter))
                .filter(o -> o.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
                        && o.getStatus() != Observation.ObservationStatus.CANCELLED)
                .map(this::observation).toList();
        List<String> immunizations = bundle.all(Immunization.class).stream()
                .filter(i -> bundle.pointsAt(i.getEncounter(), i, encounter))
                .filter(i -> i.getStatus() == Immunization.ImmunizationStatus.COMPLETED)
                .map(i -> ClinicalText.concept(i.getVaccineCode())).toList();
        if (conditions.isEmpty() && procedures.isEmpty() && observations.isEmpty() && immunizations.isEmpty()) {
            doc.append("No note, conditions, procedures or observations were sent for this encounter; "
                    + "ask the provider for the documentation before coding.\n");
            return;
        }
        section(doc, "Conditions", conditions);
        section(doc, "Procedures", procedures);
        section(doc, "Observations", observations);
        section(doc, "Immunizations", immunizations);
    }

    private String observation(Observation o) {
        StringBuilder text = new StringBuilder(ClinicalText.concept(o.getCode()));
        String value = ClinicalText.value(o.getValue());
        if (value != null) {
            text.append(": ").append(value);
        }
        List<String> components = o.getComponent().stream()
                .map(c -> ClinicalText.concept(c.getCode()) + ": " + Optional.ofNullable(ClinicalText.value(c.getValue())).orElse("?"))
                .toList();
        if (!components.isEmpty()) {
            text.append(value == null ? ": " : "; ").append(String.join("; ", components));
        }
        if (o.hasInterpretation()) {
            text.append(" (").append(ClinicalText.concepts(o.getInterpretation())).append(')');
        }
        return text.toString();
    }

    private static void section(StringBuilder doc, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        doc.append(title).append(":\n");
        lines.forEach(line -> doc.append("- ").append(ClinicalText.line(line)).append('\n'));
    }

    private static String status(CodeableConcept clinical, CodeableConcept verification) {
        List<String> parts = Stream.of(clinical, verification).filter(c -> c != null && c.hasCoding())
                .map(c -> c.getCodingFirstRep().getCode()).filter(s -> s != null).toList();
        return parts.isEmpty() ? "" : " [" + String.join(", ", parts) + "]";
    }

    private static boolean isEnteredInError(CodeableConcept verification) {
        return verification != null && verification.getCoding().stream().map(Coding::getCode).anyMatch("entered-in-error"::equals);
    }

    // ---- helpers ----

    private static Optional<Identifier> preferred(List<Identifier> identifiers) {
        return identifiers.stream().filter(i -> i.hasValue() && i.getUse() == Identifier.IdentifierUse.OFFICIAL).findFirst()
                .or(() -> identifiers.stream().filter(i -> i.hasValue() && i.getUse() == Identifier.IdentifierUse.USUAL).findFirst())
                .or(() -> identifiers.stream().filter(i -> i.hasValue() && i.getUse() != Identifier.IdentifierUse.OLD).findFirst());
    }

    private static boolean absolute(String url) {
        return url.startsWith("urn:uuid:") || url.startsWith("urn:oid:") || url.startsWith("http://") || url.startsWith("https://");
    }

    private static String describe(Reference reference) {
        if (reference.hasReference()) {
            return cut(reference.getReference(), 120);
        }
        if (reference.hasIdentifier()) {
            return "identifier " + cut(reference.getIdentifier().getValue(), 80);
        }
        return "a reference without target";
    }

    private static String describe(String property) {
        return switch (property) {
            case "patient.mrn" -> "Patient MRN (identifier)";
            case "patient.firstName" -> "Patient given name";
            case "patient.lastName" -> "Patient family name";
            case "patient.birthDate" -> "Patient birth date";
            case "dateOfService" -> "Encounter date (period.start)";
            case "coverage.memberId" -> "Coverage member id (subscriberId)";
            default -> property;
        };
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max).strip();
    }
}
