package org.relayrcm.claims.scrub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.relayrcm.shared.ListColumns;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The same service billed twice: another live claim of the same type for the same patient and date of
 * service carries a line with the same procedure code and the same set of modifiers. Payers deny the second
 * one (CO-18), and paying both would be an overpayment to refund.
 */
@Component
@Order(60)
class DuplicateClaimRule implements ScrubRule {

    /** Claims that will never be paid do not make another one a duplicate. */
    static final List<String> DEAD_STATUSES = List.of("WRITTEN_OFF", "VOIDED");
    /** Replacement (7) and void (8) claims repeat the claim they correct on purpose. */
    static final Set<String> CORRECTING_FREQUENCIES = Set.of("7", "8");

    private final JdbcClient jdbc;

    DuplicateClaimRule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record OtherLine(String claimNumber, String procedureCode, String modifiers) {
    }

    @Override
    public List<ScrubFinding> check(ScrubbedClaim claim) {
        if (CORRECTING_FREQUENCIES.contains(claim.frequencyCode()) || claim.lines().isEmpty()) {
            return List.of();
        }
        List<OtherLine> others = otherLines(claim.id(), claim.patient().id(), claim.dateOfService(), claim.claimType());
        List<ScrubFinding> found = new ArrayList<>();
        for (ScrubbedClaim.Line line : claim.lines()) {
            Set<String> modifiers = new TreeSet<>(line.modifiers());
            others.stream()
                    .filter(o -> o.procedureCode().equals(line.procedureCode())
                            && new TreeSet<>(ListColumns.split(o.modifiers())).equals(modifiers))
                    .map(OtherLine::claimNumber).findFirst()
                    .ifPresent(other -> found.add(ScrubFinding.error("DUPLICATE-CLAIM", line.lineNumber(),
                            "Line " + line.lineNumber() + " (" + service(line.procedureCode(), modifiers)
                                    + ") is already billed on claim " + other + " for the same patient and date of service.",
                            "If it is the same service, write this claim off; if it was a separate service, add the"
                                    + " modifier that says so (76, 77, 91 or 59/XS) as documented.")));
        }
        return found;
    }

    private static String service(String procedureCode, Set<String> modifiers) {
        return modifiers.isEmpty() ? procedureCode : procedureCode + "-" + String.join("-", modifiers);
    }

    private List<OtherLine> otherLines(long claimId, long patientId, LocalDate dateOfService, String claimType) {
        return jdbc.sql("""
                SELECT cl.claim_number, l.procedure_code, l.modifiers
                FROM claim cl
                JOIN encounter e ON e.id = cl.encounter_id
                JOIN claim_line l ON l.claim_id = cl.id
                WHERE e.patient_id = :patient AND cl.date_of_service = :dos AND cl.claim_type = :type
                  AND cl.id <> :claim AND cl.status NOT IN (:dead)
                ORDER BY cl.id, l.line_number""")
                .param("patient", patientId).param("dos", dateOfService).param("type", claimType)
                .param("claim", claimId).param("dead", DEAD_STATUSES)
                .query(OtherLine.class).list();
    }
}
