package org.relayrcm.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after too many failed sign-ins for one user name, or from one client address, within the
 * window, further attempts are refused (429) until the oldest failure leaves the window, right password or not. A
 * refusal always ends by itself, so an attacker can hold a real user off for one window at a time but never for good
 * (Camunda's own permanent lock-out is off, see {@link NoPermanentEngineLockout}).
 *
 * <p>Counts come from Spring Security's authentication events, so form sign-in and HTTP Basic count alike. A
 * successful sign-in clears its user name's failures but not its address's: otherwise an attacker holding one
 * account could interleave it to guess others from the same address.
 *
 * <p>In memory, per node: behind a load balancer each node counts on its own (N nodes allow N times the attempts)
 * unless clients stick to one node by address; a cluster that needs one count shares it (the database or a cache).
 * The client address is the connection's, so behind a reverse proxy set {@code server.forward-headers-strategy}.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleSettings settings;
    private final FailureCounter byUser;
    private final FailureCounter byClient;

    @Autowired
    LoginThrottle(LoginThrottleSettings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.byUser = new FailureCounter(settings.maxFailuresPerUser(), settings.window(), clock);
        this.byClient = new FailureCounter(settings.maxFailuresPerClient(), settings.window(), clock);
    }

    /** How long a sign-in as {@code user} from {@code client} is refused, or empty if it may be tried now. */
    Optional<Duration> refusal(String user, String client) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Optional<Duration> forUser = byUser.refusedFor(userKey(user));
        Optional<Duration> forClient = client == null ? Optional.empty() : byClient.refusedFor(client);
        if (forUser.isPresent() && forClient.isPresent()) {
            return forUser.get().compareTo(forClient.get()) >= 0 ? forUser : forClient;
        }
        return forUser.isPresent() ? forUser : forClient;
    }

    void failed(String user, String client) {
        if (!settings.enabled()) {
            return;
        }
        byUser.record(userKey(user));
        if (client != null) {
            byClient.record(client);
            if (byClient.refusedFor(client).isPresent()) {
                // The address only: user names are typed by people and sometimes are passwords typed in the wrong box.
                log.warn("Sign-ins from {} refused for now: {} failures within {}", client,
                        settings.maxFailuresPerClient(), settings.window());
            }
        }
    }

    void succeeded(String user) {
        byUser.clear(userKey(user));
    }

    /**
     * Only a wrong password counts: a sign-in that failed because the database was down (a service exception) says
     * nothing about who is guessing, and counting it would lock everyone out after an outage.
     */
    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), clientOf(event.getAuthentication()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String clientOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** Case and spaces do not make a new user name to guess under. */
    private static String userKey(String user) {
        return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    }
}
