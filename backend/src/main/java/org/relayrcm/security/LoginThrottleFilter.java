package org.relayrcm.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.relayrcm.shared.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a sign-in attempt (the form at {@code POST /api/login}, or any request carrying HTTP Basic credentials)
 * with 429 and Retry-After while {@link LoginThrottle} refuses its user name or client address, before the password
 * is checked. Sits in the security chain just before the authentication filters; not a servlet filter of its own.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> user = attemptedUser(request);
        Optional<Duration> refusal = user.flatMap(u -> throttle.refusal(u, request.getRemoteAddr()));
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user name a request tries to sign in as, or empty if it is not a sign-in attempt. */
    static Optional<String> attemptedUser(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/api/login".equals(request.getRequestURI())) {
            String user = request.getParameter("username");
            return Optional.of(user == null ? "" : user);
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            // Malformed credentials are Spring Security's to refuse; they check no password.
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins", "Too many wrong passwords for this user or from this computer. Try again in "
                        + minutes + (minutes == 1 ? " minute." : " minutes."), List.of()));
    }
}
