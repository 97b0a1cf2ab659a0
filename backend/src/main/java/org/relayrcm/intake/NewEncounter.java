package org.relayrcm.intake;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A documented encounter as an EHR or registration sends it. */
public record NewEncounter(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,29}",
                message = "1 to 30 letters, digits or dashes") String encounterNumber,
        @NotNull @PastOrPresent LocalDate dateOfService,
        @Pattern(regexp = "\\d{2}", message = "a two-digit CMS place-of-service code") String placeOfService,
        @NotNull @Valid Patient patient,
        @Valid Coverage coverage,
        @NotBlank @Size(max = 200_000) String documentation,
        @Valid Provider renderingProvider,
        @Valid Facility facility) {

    /** An encounter without a named rendering provider or facility stay: an office visit billed by the practice. */
    public NewEncounter(String encounterNumber, LocalDate dateOfService, String placeOfService, Patient patient,
            Coverage coverage, String documentation) {
        this(encounterNumber, dateOfService, placeOfService, patient, coverage, documentation, null, null);
    }

    /** The clinician who performed the service (837P loop 2310B, 837I attending provider). */
    public record Provider(
            @NotBlank @Pattern(regexp = "\\d{10}", message = "a 10-digit NPI") String npi,
            @NotBlank @Size(max = 60) String lastName,
            @NotBlank @Size(max = 35) String firstName,
            @Pattern(regexp = "[0-9A-Z]{9}X", message = "a 10-character provider taxonomy code") String taxonomyCode) {
    }

    /**
     * A facility stay billed on an 837I: the first two digits of the type of bill (e.g. 13 hospital outpatient, 11
     * inpatient), the UB-04 admission type and source, the patient's discharge status, and the discharge date.
     */
    public record Facility(
            @NotNull @Pattern(regexp = "\\d{2}", message = "two digits, e.g. 13") String typeCode,
            @Pattern(regexp = "[1-9]", message = "one digit") String admissionType,
            @Pattern(regexp = "[0-9A-Z]", message = "one letter or digit") String admissionSource,
            @Pattern(regexp = "\\d{2}", message = "two digits, e.g. 01") String patientStatus,
            LocalDate dischargeDate) {
    }

    public record Patient(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits or dashes") String mrn,
            @NotBlank @Size(max = 35) String firstName,
            @NotBlank @Size(max = 60) String lastName,
            @NotNull @Past LocalDate birthDate,
            @NotNull @Pattern(regexp = "[FMU]", message = "F, M or U") String sex,
            @Size(max = 55) String addressLine,
            @Size(max = 30) String city,
            @Pattern(regexp = "[A-Z]{2}", message = "two-letter state code") String state,
            @Pattern(regexp = "\\d{5}(\\d{4})?", message = "5 or 9 digits") String postalCode) {
    }

    /** Absent coverage means self-pay. */
    public record Coverage(
            @NotBlank @Size(max = 80) String payerCode,
            @NotBlank @Size(max = 80) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits or dashes") String memberId) {
    }
}
