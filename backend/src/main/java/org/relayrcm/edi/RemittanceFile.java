package org.relayrcm.edi;

import java.util.List;

/**
 * Everything read from one received 835 file.
 *
 * @param advices  every 835 transaction, across all interchanges and groups, in file order
 * @param warnings things that were accepted but a person may want to know (file had no envelope, a composite used
 *                 a separator other than the declared one, ...); each names the segment
 */
public record RemittanceFile(List<RemittanceAdvice> advices, List<String> warnings) {

    public RemittanceFile {
        advices = List.copyOf(advices);
        warnings = List.copyOf(warnings);
    }
}
