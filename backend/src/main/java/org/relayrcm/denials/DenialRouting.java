package org.relayrcm.denials;

import java.util.List;

/** The denial routing table (denial-routing.dmn) as the rest of the feature sees it. */
public interface DenialRouting {

    /** The route of one adjustment and the table's words for why, shown to whoever works it. */
    record Routed(DenialRoute route, String why) {
    }

    Routed route(String groupCode, String reasonCode, List<String> remarkCodes);
}
