package org.relayrcm.denials;

import java.util.List;

/**
 * One CAS adjustment of a denied claim (line number null) or service line, with the remark codes (RARC) the payer
 * sent with it: MOA/MIA for the claim, LQ for the line.
 */
public record DeniedItem(Integer lineNumber, String groupCode, String reasonCode, List<String> remarkCodes,
        long amountCents) {

    public DeniedItem {
        remarkCodes = remarkCodes == null ? List.of() : List.copyOf(remarkCodes);
    }
}
