package org.relayrcm.claims.scrub;

import java.util.List;

/** One family of edits. Rules only read the claim they are given; the scrubber stores what they find. */
interface ScrubRule {

    List<ScrubFinding> check(ScrubbedClaim claim);
}
