package org.relayrcm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.relayrcm.testing.MovingClock;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(true, 3, 5, WINDOW), clock);

    @Test
    void refusesAUserNameOnceItsFailuresReachTheLimitUntilTheOldestLeavesTheWindow() {
        throttle.failed("coder", "10.0.0.1");
        clock.advance(Duration.ofMinutes(1));
        throttle.failed("coder", "10.0.0.2");
        assertThat(throttle.refusal("coder", "10.0.0.3")).isEmpty();
        throttle.failed("coder", "10.0.0.3");

        assertThat(throttle.refusal("coder", "10.0.0.9")).as("from any address").contains(Duration.ofMinutes(4));
        clock.advance(Duration.ofMinutes(4).minusSeconds(1));
        assertThat(throttle.refusal("coder", "10.0.0.9")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refusal("coder", "10.0.0.9")).as("never locked for good").isEmpty();
    }

    @Test
    void refusesAClientAddressWhateverUserNamesItTries() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess-" + i, "10.0.0.1");
        }

        assertThat(throttle.refusal("biller", "10.0.0.1")).contains(WINDOW);
        assertThat(throttle.refusal("biller", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheUserNameButNotTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("coder", "10.0.0.1");
        }
        throttle.failed("someone-else", "10.0.0.1");
        throttle.succeeded("coder");

        assertThat(throttle.refusal("coder", "10.0.0.2")).isEmpty();
        throttle.failed("coder", "10.0.0.1");
        assertThat(throttle.refusal("coder", "10.0.0.2")).as("counting starts again").isEmpty();
        assertThat(throttle.refusal("anyone", "10.0.0.1")).as("the address's five failures stand").isPresent();
    }

    @Test
    void countsAUserNameWhateverItsCaseOrSurroundingSpaces() {
        throttle.failed("Coder", "10.0.0.1");
        throttle.failed(" coder ", "10.0.0.2");
        throttle.failed("CODER", "10.0.0.3");

        assertThat(throttle.refusal("coder", "10.0.0.4")).isPresent();
    }

    @Test
    void refusesNothingWhenTurnedOff() {
        LoginThrottle off = new LoginThrottle(new LoginThrottleSettings(false, 1, 1, WINDOW), clock);
        off.failed("coder", "10.0.0.1");
        off.failed("coder", "10.0.0.1");

        assertThat(off.refusal("coder", "10.0.0.1")).isEmpty();
    }

    @Test
    void forgetsKeysWhoseFailuresHaveAllExpiredOnceThereAreMany() {
        FailureCounter counter = new FailureCounter(3, WINDOW, clock);
        for (int i = 0; i < FailureCounter.SWEEP_ABOVE; i++) {
            counter.record("sprayed-" + i);
        }
        clock.advance(WINDOW);
        counter.record("one-more");
        counter.record("and-another");

        assertThat(counter.keys()).isEqualTo(2);
    }

}
