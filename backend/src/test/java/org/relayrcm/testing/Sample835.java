package org.relayrcm.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An 835 written out segment by segment, as a payer the simulator does not stand in for (ITNOSIM) would send it:
 * tests that play the payer build their answers here. Amounts are in cents and written as dollars.
 */
public final class Sample835 {

    private static final AtomicInteger CONTROL = new AtomicInteger((int) (System.nanoTime() % 100_000_000L));
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** One service line as paid or denied: its code and modifiers, charge, payment and adjustments. */
    public record Line(String code, List<String> modifiers, long chargeCents, long paidCents, List<Cas> adjustments,
            List<String> remarks) {
    }

    public record Cas(String group, String reason, long amountCents) {
    }

    private Sample835() {
    }

    /** A claim answered with CLP02 {@code status}, its lines as given, patient responsibility the PR total. */
    public static String claim(String claimNumber, String status, List<Line> lines, String payerClaimNumber) {
        int control = CONTROL.incrementAndGet();
        String today = LocalDate.now().format(YYYYMMDD);
        long charge = lines.stream().mapToLong(Line::chargeCents).sum();
        long paid = lines.stream().mapToLong(Line::paidCents).sum();
        long patient = lines.stream().flatMap(l -> l.adjustments().stream()).filter(c -> c.group().equals("PR"))
                .mapToLong(Cas::amountCents).sum();
        List<String> body = new ArrayList<>();
        body.add("ST*835*0001");
        body.add("BPR*" + (paid > 0 ? "I" : "H") + "*" + dollars(paid) + "*C*" + (paid > 0 ? "CHK" : "NON")
                + "*".repeat(12) + today);
        body.add("TRN*1*IT" + control + "*1999999999");
        body.add("N1*PR*Silent Health Plan*XV*ITNOSIM");
        body.add("N3*1 Payer Plaza");
        body.add("N4*Springfield*IL*62701");
        body.add("N1*PE*Relay Family Medicine*XX*1234567893");
        body.add("LX*1");
        body.add("CLP*" + claimNumber + "*" + status + "*" + dollars(charge) + "*" + dollars(paid) + "*"
                + dollars(patient) + "*12*" + payerClaimNumber);
        body.add("NM1*QC*1*PATIENT*TEST****MI*SILENT1");
        for (Line line : lines) {
            body.add("SVC*HC:" + String.join(":", prepend(line.code(), line.modifiers()))
                    + "*" + dollars(line.chargeCents()) + "*" + dollars(line.paidCents()) + "**1");
            body.add("DTM*472*" + LocalDate.now().minusDays(1).format(YYYYMMDD));
            for (Cas cas : line.adjustments()) {
                body.add("CAS*" + cas.group() + "*" + cas.reason() + "*" + dollars(cas.amountCents()));
            }
            for (String remark : line.remarks()) {
                body.add("LQ*HE*" + remark);
            }
        }
        body.add("SE*" + (body.size() + 1) + "*0001");
        String isa = String.format("ISA*00*%-10s*00*%-10s*ZZ*%-15s*ZZ*%-15s*%s*1200*^*00501*%09d*0*T*:", "", "",
                "ITNOSIM", "RELAYRCM", LocalDate.now().format(DateTimeFormatter.ofPattern("yyMMdd")), control);
        StringBuilder x12 = new StringBuilder(isa).append("~\n");
        x12.append("GS*HP*ITNOSIM*RELAYRCM*").append(today).append("*1200*").append(control)
                .append("*X*005010X221A1~\n");
        body.forEach(segment -> x12.append(segment).append("~\n"));
        x12.append("GE*1*").append(control).append("~\n");
        x12.append("IEA*1*").append(String.format("%09d", control)).append("~\n");
        return x12.toString();
    }

    private static List<String> prepend(String code, List<String> modifiers) {
        List<String> all = new ArrayList<>();
        all.add(code);
        all.addAll(modifiers);
        return all;
    }

    private static String dollars(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString();
    }
}
