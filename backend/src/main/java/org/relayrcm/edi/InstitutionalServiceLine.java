package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Loop 2400 of an 837I: one revenue-coded charge (SV2 + DTP*472).
 *
 * @param revenueCode   SV201, 4-digit NUBC revenue code (e.g. 0450 emergency room)
 * @param procedureCode SV202-2 CPT or HCPCS code (qualifier HC); {@code null} for revenue-only lines such as room
 *                      and board, where the guide does not ask for a procedure
 * @param modifiers     SV202-3..6, at most 4, only with a procedure code
 * @param charge        SV203 line charge in dollars, exact
 * @param units         SV205 service units (SV204 = UN)
 * @param serviceDate   DTP*472; {@code null} means the claim's statement-from date
 */
public record InstitutionalServiceLine(
        String revenueCode,
        String procedureCode,
        List<String> modifiers,
        BigDecimal charge,
        BigDecimal units,
        LocalDate serviceDate) {

    public InstitutionalServiceLine {
        if (revenueCode == null || !revenueCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("revenue code must be 4 digits, was '" + revenueCode + "'");
        }
        if (procedureCode != null && procedureCode.isBlank()) {
            procedureCode = null;
        }
        modifiers = List.copyOf(modifiers == null ? List.of() : modifiers);
        if (modifiers.size() > 4) {
            throw new IllegalArgumentException("revenue code " + revenueCode + " has " + modifiers.size()
                    + " modifiers; an 837I line allows 4");
        }
        if (procedureCode == null && !modifiers.isEmpty()) {
            throw new IllegalArgumentException("revenue code " + revenueCode
                    + " has modifiers but no procedure code for them to modify");
        }
        Objects.requireNonNull(charge, "line charge");
        if (charge.signum() < 0) {
            throw new IllegalArgumentException("line charge must not be negative, was " + charge);
        }
        Objects.requireNonNull(units, "units");
        if (units.signum() <= 0) {
            throw new IllegalArgumentException("units must be positive, was " + units);
        }
    }
}
