package org.relayrcm.statements;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relayrcm.codesets.CodeEntry;
import org.relayrcm.codesets.CodeSets;
import org.relayrcm.codesets.CodeSystem;
import org.springframework.stereotype.Component;

/**
 * Plain-language names of the procedure codes on a statement, from the code set in force on the date of service.
 * HCPCS codes start with a letter and come with public text; CPT descriptions are AMA-licensed and present only
 * where the practice imported its licensed file.
 */
@Component
class ServiceDescriptions {

    private final CodeSets codeSets;

    ServiceDescriptions(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    Map<String, String> describe(Collection<String> procedureCodes, LocalDate dateOfService) {
        List<String> hcpcs = procedureCodes.stream().filter(ServiceDescriptions::isHcpcs).toList();
        List<String> cpt = procedureCodes.stream().filter(code -> !isHcpcs(code)).toList();
        Map<String, String> descriptions = new HashMap<>();
        collect(codeSets.find(CodeSystem.HCPCS, hcpcs, dateOfService), descriptions);
        collect(codeSets.find(CodeSystem.CPT, cpt, dateOfService), descriptions);
        return descriptions;
    }

    private static boolean isHcpcs(String code) {
        return !code.isEmpty() && Character.isLetter(code.charAt(0));
    }

    private static void collect(Map<String, CodeEntry> found, Map<String, String> descriptions) {
        found.values().stream().filter(e -> e.description() != null && !e.description().isBlank())
                .forEach(e -> descriptions.put(e.code(), e.description()));
    }
}
