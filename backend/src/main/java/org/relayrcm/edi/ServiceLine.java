package org.relayrcm.edi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Loop 2400: one billed procedure (SV1 + DTP*472).
 *
 * @param procedureCode      SV101-2, a CPT or HCPCS code (qualifier HC)
 * @param modifiers          SV101-3..6, at most 4
 * @param charge             SV102 line charge in dollars; exact, never a double
 * @param units              SV104 service units (SV103 = UN)
 * @param diagnosisPointers  SV107, 1 to 4 one-based positions into the claim's diagnoses
 * @param serviceDate        DTP*472; {@code null} means the claim's date of service
 */
public record ServiceLine(
        String procedureCode,
        List<String> modifiers,
        BigDecimal charge,
        BigDecimal units,
        List<Integer> diagnosisPointers,
        LocalDate serviceDate) {

    public ServiceLine {
        if (procedureCode == null || procedureCode.isBlank()) {
            throw new IllegalArgumentException("service line needs a procedure code");
        }
        modifiers = List.copyOf(modifiers == null ? List.of() : modifiers);
        if (modifiers.size() > 4) {
            throw new IllegalArgumentException(
                    "procedure " + procedureCode + " has " + modifiers.size() + " modifiers; an 837P line allows 4");
        }
        Objects.requireNonNull(charge, "line charge");
        if (charge.signum() < 0) {
            throw new IllegalArgumentException("line charge must not be negative, was " + charge);
        }
        Objects.requireNonNull(units, "units");
        if (units.signum() <= 0) {
            throw new IllegalArgumentException("units must be positive, was " + units);
        }
        diagnosisPointers = List.copyOf(diagnosisPointers == null ? List.of() : diagnosisPointers);
        if (diagnosisPointers.isEmpty() || diagnosisPointers.size() > 4) {
            throw new IllegalArgumentException(
                    "procedure " + procedureCode + " needs 1 to 4 diagnosis pointers, has " + diagnosisPointers.size());
        }
        for (int pointer : diagnosisPointers) {
            if (pointer < 1 || pointer > 12) {
                throw new IllegalArgumentException("diagnosis pointer " + pointer + " is outside 1..12");
            }
        }
    }
}
