package org.relayrcm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in throttling over real connections, each scenario from client addresses of its own (see {@link FromAddress})
 * and with users of its own, so nothing it throttles touches the rest of the suite.
 */
@RelayIntegrationTest
class LoginThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    LoginThrottleSettings settings;

    @Test
    void refusesAUserNameWith429AndRetryAfterOnceItsFailuresReachTheLimitFormAndBasicAlike() {
        String user = newUser();
        FromAddress guesser = FromAddress.fresh(port);
        for (int i = 0; i < settings.maxFailuresPerUser(); i++) {
            FromAddress.Reply wrong = i % 2 == 0 ? guesser.signIn(user, "guess-" + i)
                    : guesser.get("/api/me", basic(user, "guess-" + i));
            assertThat(wrong.status()).as("attempt %d: %s", i + 1, wrong.body()).isEqualTo(401);
        }

        FromAddress owner = FromAddress.fresh(port);
        FromAddress.Reply refused = owner.get("/api/me", basic(user, user));
        assertThat(refused.status()).as("the right password, from another address").isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().get("retry-after")))
                .isBetween(1L, settings.window().toSeconds());
        assertThat(refused.headers().get("content-type")).contains("application/problem+json");
        assertThat(refused.body()).contains("Too many failed sign-ins");
        assertThat(owner.signIn(user, user).status()).isEqualTo(429);
        assertThat(guesser.get("/api/me", basic(newUser(), "")).status())
                .as("another user from the guesser's address is not refused for this user's failures").isNotEqualTo(429);
    }

    @Test
    void aSuccessfulSignInStartsTheUserNamesCountAgain() {
        String user = newUser();
        FromAddress client = FromAddress.fresh(port);
        int belowLimit = settings.maxFailuresPerUser() - 1;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < belowLimit; i++) {
                assertThat(client.get("/api/me", basic(user, "typo-" + i)).status()).isEqualTo(401);
            }
            // Camunda's own delay after a wrong password refuses even the right one for a few seconds; not ours to test.
            identity.unlockUser(user);
            assertThat(client.get("/api/me", basic(user, user)).status()).as("round %d", round + 1).isEqualTo(200);
        }
    }

    @Test
    void refusesAClientAddressAfterItsFailuresReachTheLimitWhateverTheUserNames() {
        FromAddress sprayer = FromAddress.fresh(port);
        for (int i = 0; i < settings.maxFailuresPerClient(); i++) {
            assertThat(sprayer.get("/api/me", basic("nobody-" + UUID.randomUUID(), "spray")).status()).isEqualTo(401);
        }

        assertThat(sprayer.get("/api/me", basic("coder", "coder")).status()).isEqualTo(429);
        assertThat(Api.as(port, "coder").get("/api/me").status()).as("from any other address").isEqualTo(200);
    }

    @Test
    void neverThrottlesCorrectSignIns() {
        String user = newUser();
        FromAddress client = FromAddress.fresh(port);
        int beyondEveryLimit = Math.max(settings.maxFailuresPerUser(), settings.maxFailuresPerClient()) + 1;
        for (int i = 0; i < beyondEveryLimit; i++) {
            assertThat(client.get("/api/me", basic(user, user)).status()).as("request %d", i + 1).isEqualTo(200);
        }
    }

    /** A user of this test alone, password = user name (Camunda ids are letters and digits only). */
    private String newUser() {
        String id = "throttle" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword(id);
        identity.saveUser(user);
        return id;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
