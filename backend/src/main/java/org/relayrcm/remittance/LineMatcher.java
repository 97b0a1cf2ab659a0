package org.relayrcm.remittance;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.relayrcm.edi.ServicePayment;

/**
 * Finds which of our claim lines each service line (SVC) of a claim payment answers. The line control number (REF*6R)
 * names our line number when the payer echoes it; otherwise the payer's order and the procedure code we billed
 * (SVC06 when the payer paid under another code) decide, so a payer that drops or reorders a line does not post one
 * line's money to another.
 */
final class LineMatcher {

    /** One of our claim lines, as far as matching needs it. */
    record OurLine(int lineNumber, String procedureCode) {
    }

    private LineMatcher() {
    }

    /** For each SVC, in order, the line number of ours it answers, or {@code null} when none fits. */
    static List<Integer> match(List<ServicePayment> services, List<OurLine> ours) {
        Integer[] matched = new Integer[services.size()];
        Set<Integer> used = new HashSet<>();
        Set<Integer> exists = new HashSet<>();
        ours.forEach(l -> exists.add(l.lineNumber()));
        for (int i = 0; i < services.size(); i++) {
            Integer named = lineNumber(services.get(i).lineItemControlNumber());
            if (named != null && exists.contains(named) && used.add(named)) {
                matched[i] = named;
            }
        }
        for (int i = 0; i < services.size(); i++) {
            if (matched[i] == null && i < ours.size()) {
                OurLine same = ours.get(i);
                if (same.procedureCode().equals(services.get(i).billedCode()) && used.add(same.lineNumber())) {
                    matched[i] = same.lineNumber();
                }
            }
        }
        for (int i = 0; i < services.size(); i++) {
            if (matched[i] == null) {
                for (OurLine line : ours) {
                    if (line.procedureCode().equals(services.get(i).billedCode()) && used.add(line.lineNumber())) {
                        matched[i] = line.lineNumber();
                        break;
                    }
                }
            }
        }
        return Arrays.asList(matched);
    }

    /** REF*6R as one of our line numbers ("2", "0002"); {@code null} when it is something else. */
    private static Integer lineNumber(String controlNumber) {
        if (controlNumber == null || !controlNumber.matches("\\d{1,4}")) {
            return null;
        }
        int number = Integer.parseInt(controlNumber);
        return number > 0 ? number : null;
    }
}
