package org.relayrcm.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.relayrcm.shared.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Refuses any engine REST request that carries a JUEL expression ({@code ${…}} or {@code #{…}}) in its
 * query string or body. Camunda 7.24 refuses top-level expressions in ad-hoc task queries when
 * {@code enableExpressionsInAdhocQueries} is off, but advisories report that expressions nested in
 * {@code orQueries} slip past that check, and the community edition gets no more patches. An admin
 * has no legitimate need to send an expression to the engine over HTTP.
 */
@Configuration
class EngineRestExpressionGuard {

    static final int MAX_BODY = 1_000_000;

    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> engineRestExpressionFilter(ObjectMapper json) {
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
                (req, res, chain) -> guard((HttpServletRequest) req, (HttpServletResponse) res, chain, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // After Spring Security (anonymous callers get their 401 first), before Camunda's servlets.
        registration.setOrder(0);
        return registration;
    }

    private static void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            ObjectMapper json) throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BODY) {
            refuse(response, json, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, json, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large.");
            return;
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (containsExpression(decode(query)) || containsExpression(new String(body, StandardCharsets.UTF_8))) {
            refuse(response, json, HttpStatus.BAD_REQUEST,
                    "Expressions are not accepted by this server's engine API, in any part of a query.");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Percent-decoded; a string that does not decode is checked raw, and still cannot hide "${". */
    private static String decode(String query) {
        try {
            return java.net.URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return query.replace("%24", "$").replace("%23", "#").replace("%7B", "{").replace("%7b", "{");
        }
    }

    static boolean containsExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    private static void refuse(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                ProblemResponses.problem(status, "Request refused", detail, List.of()));
    }

    /** Replays the body we had to read to inspect it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
