package org.relayrcm.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a browser session a fixed time after it began, however active it is (the idle timeout is the
 * servlet container's). A workstation left signed in overnight asks for the password again. Runs
 * before Spring Security, so the request that finds the session expired is already anonymous.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absoluteLifetime;

    SessionLifetimeFilter(@Value("${relay.security.session-absolute-lifetime:PT12H}") Duration absoluteLifetime) {
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > absoluteLifetime.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
