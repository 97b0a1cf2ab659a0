package org.relayrcm.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.relayrcm.shared.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers sign-in, sign-out, 401 and 403 in JSON, the way the React app and API clients read them. */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // Only clients that speak Basic get the challenge: a browser would pop up its own dialog.
        if (request.getHeader("Authorization") != null || request.getRequestURI().startsWith("/engine-rest")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Relay RCM\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "Sign-in required", "Sign in to use Relay RCM.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof org.springframework.security.web.csrf.CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "Session check failed",
                    "The page's security token is missing or stale. Reload the page and try again.");
        } else if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/fhir/")) {
            // Outside your role looks the same as not existing, so ids cannot be probed.
            write(response, HttpStatus.NOT_FOUND, "Not found", "Nothing was found at this address.");
        } else {
            write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
        }
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        json.writeValue(response.getOutputStream(), Map.of("username", authentication.getName(), "groups", groups));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "Sign-in failed", "Wrong user name or password.");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(status, title, detail, List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
