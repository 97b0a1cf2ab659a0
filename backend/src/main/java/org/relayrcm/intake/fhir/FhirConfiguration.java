package org.relayrcm.intake.fhir;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;

/**
 * One {@link FhirContext} and one validator for the whole application: both are thread-safe and
 * expensive (the context scans the model; the validator loads every R4 structure definition).
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /**
     * Structural validation only, all in memory. Terminology checks are off: they would need a remote
     * terminology server for SNOMED CT and LOINC, and in HAPI 8.8.1 the in-memory code validation path
     * also needs Thymeleaf, which the build leaves out. Bound codes of the core model (statuses,
     * genders, bundle types) are still enforced, by the parser.
     */
    @Bean
    FhirValidator fhirValidator(FhirContext context) {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator instance = new FhirInstanceValidator(support);
        instance.setNoTerminologyChecks(true);
        // Best-practice hints (narrative, performers) cost seconds per bundle and are never errors.
        instance.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        return context.newValidator().registerValidatorModule(instance);
    }
}
