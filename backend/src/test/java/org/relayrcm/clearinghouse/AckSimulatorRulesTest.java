package org.relayrcm.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The simulated payer front end's reasons to reject a claim in its 277CA. */
class AckSimulatorRulesTest {

    final PayerSimulatorSettings settings = new PayerSimulatorSettings(true, Duration.ZERO, Duration.ZERO,
            Set.of("20610"), 80, "SIMPAYER", Set.of(), Pattern.compile("[A-Za-z0-9]{6,20}"), Set.of("LHP0000000"),
            Set.of("GONE01"), 0, Set.of());

    @Test
    void acceptsAMemberIdInThePayersFormat() {
        assertThat(settings.frontEndRejection("LHP01", "LHP8812345")).isEmpty();
    }

    @Test
    void rejectsAMemberIdThatIsMissingMalformedOrUnknown() {
        assertThat(settings.frontEndRejection("LHP01", " ")).get().extracting(r -> r.category() + ":" + r.status()
                + ":" + r.entity()).isEqualTo("A6:164:IL");
        assertThat(settings.frontEndRejection("LHP01", "AB-12")).get().extracting(r -> r.category() + ":"
                + r.status() + ":" + r.entity()).isEqualTo("A7:164:IL");
        assertThat(settings.frontEndRejection("LHP01", "LHP0000000")).get()
                .extracting(PayerSimulatorSettings.Rejection::status).isEqualTo("164");
    }

    @Test
    void rejectsAClaimSentToAPayerItDoesNotServeWhateverTheMember() {
        assertThat(settings.frontEndRejection("GONE01", "LHP8812345")).get()
                .extracting(r -> r.category() + ":" + r.status()).isEqualTo("A7:116");
    }

    @Test
    void theTextNamesTheFieldButNeverItsValue() {
        assertThat(settings.frontEndRejection("LHP01", "AB-12")).get()
                .extracting(PayerSimulatorSettings.Rejection::text).asString().doesNotContain("AB-12");
    }
}
