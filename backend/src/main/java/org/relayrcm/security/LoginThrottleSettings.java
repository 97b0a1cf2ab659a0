package org.relayrcm.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code relay.security.login-throttle.*}): failed sign-ins allowed per user name and per client
 * address within the window before further attempts are refused with 429 until the window has moved on.
 */
@ConfigurationProperties("relay.security.login-throttle")
record LoginThrottleSettings(@DefaultValue("true") boolean enabled, @DefaultValue("10") int maxFailuresPerUser,
        @DefaultValue("30") int maxFailuresPerClient, @DefaultValue("PT5M") Duration window) {

    LoginThrottleSettings {
        if (maxFailuresPerUser < 1 || maxFailuresPerClient < 1) {
            throw new IllegalArgumentException("relay.security.login-throttle.max-failures-per-* must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("relay.security.login-throttle.window must be a positive duration");
        }
    }
}
