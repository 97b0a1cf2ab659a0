package org.relayrcm.security;

import static org.relayrcm.security.Roles.ADMIN;
import static org.relayrcm.security.Roles.AUDITOR;
import static org.relayrcm.security.Roles.BILLER;
import static org.relayrcm.security.Roles.CODER;
import static org.relayrcm.security.Roles.INTAKE;
import static org.relayrcm.security.Roles.MANAGER;
import static org.relayrcm.security.Roles.PHYSICIAN;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One filter chain for everything. API clients use HTTP Basic (stateless, no CSRF); the browser signs
 * in at {@code /api/login} and carries a session cookie plus a CSRF token. What a role may not use
 * answers 404 under {@code /api} (no probing for ids) and 403 on the engine's own REST API and webapps.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    /** The React shell and its assets: public so the login page can load; they hold no data. */
    private static final String[] SPA = {"/", "/index.html", "/assets/**", "/favicon.ico", "/favicon.svg",
            "/login", "/tasks", "/tasks/**", "/claims", "/claims/**", "/denials/**", "/encounters/**", "/statements"};

    /**
     * String patterns become path-pattern matchers instead of Spring MVC matchers: the MVC ones ask the handler
     * mappings on every check, and a request passes some twenty of them (measured: most of the security chain's CPU).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No observation around each filter of the chain: with Actuator's registry present every request paid for some
     * fifteen of them (measured), and the HTTP server metrics already time the request as a whole.
     */
    @Bean
    static SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            ProblemAuthenticationHandlers handlers, LoginThrottle throttle, ObjectMapper json,
            ApplicationEventPublisher events) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        // Load the token on every request so the XSRF-TOKEN cookie is always there for the SPA to echo.
        csrfHandler.setCsrfRequestAttributeName(null);

        ProviderManager authentication = new ProviderManager(provider);
        // Failed and successful sign-ins become events, which LoginThrottle counts.
        authentication.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));

        http.authenticationManager(authentication)
                .addFilterBefore(new LoginThrottleFilter(throttle, json), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, SPA).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/login").permitAll()
                        // Operations only: the engine, its webapps, and any actuator endpoint beyond the bare health status.
                        .requestMatchers("/engine-rest/**", "/camunda/**").hasAuthority(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/actuator", "/actuator/info", "/actuator/health/**").hasAuthority(ADMIN)
                        .requestMatchers("/api/me", "/api/logout", "/api/tasks/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/codes/**").authenticated()
                        .requestMatchers("/api/admin/**").hasAuthority(ADMIN)
                        .requestMatchers("/api/access-log/**", "/api/access-log").hasAuthority(MANAGER)
                        .requestMatchers("/api/incidents/**", "/api/incidents").hasAuthority(MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/encounters", "/fhir/**").hasAnyAuthority(INTAKE, MANAGER, ADMIN)
                        // Not coders: they reach an encounter through its coding task (CodingService checks), not a list of all.
                        .requestMatchers(HttpMethod.GET, "/api/encounters/**").hasAnyAuthority(BILLER, MANAGER, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/coding/**").hasAnyAuthority(CODER, AUDITOR, MANAGER)
                        .requestMatchers("/api/coding/**").hasAuthority(CODER)
                        // A coder reads and recodes only the denials of recode tasks they hold (DenialService checks).
                        .requestMatchers(HttpMethod.GET, "/api/denials/**").hasAnyAuthority(BILLER, CODER, MANAGER, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/denials/*/recode").hasAuthority(CODER)
                        .requestMatchers(HttpMethod.GET, "/api/claims/**", "/api/appeals/**").hasAnyAuthority(BILLER, MANAGER, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/claims/*/timely-filing-risk").hasAuthority(MANAGER)
                        .requestMatchers("/api/appeals/**").hasAuthority(BILLER)
                        .requestMatchers("/api/claims/**", "/api/denials/**").hasAuthority(BILLER)
                        .requestMatchers(HttpMethod.GET, "/api/write-offs/**").hasAnyAuthority(BILLER, MANAGER)
                        .requestMatchers("/api/write-offs/**").hasAuthority(MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/remittances", "/api/acknowledgements").hasAnyAuthority(BILLER, INTAKE)
                        .requestMatchers(HttpMethod.GET, "/api/remittance-exceptions/**").hasAnyAuthority(BILLER, MANAGER)
                        .requestMatchers("/api/remittance-exceptions/**").hasAuthority(BILLER)
                        .requestMatchers(HttpMethod.GET, "/api/statements/**", "/api/statements").hasAnyAuthority(BILLER, MANAGER)
                        .requestMatchers("/api/statements/**").hasAnyAuthority(BILLER, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/queries/**").hasAnyAuthority(PHYSICIAN, CODER, MANAGER)
                        .requestMatchers("/api/queries/**").hasAnyAuthority(PHYSICIAN, MANAGER)
                        .requestMatchers(HttpMethod.GET, "/api/audits/**").hasAnyAuthority(AUDITOR, MANAGER)
                        .requestMatchers("/api/audits/**").hasAuthority(AUDITOR)
                        // Deny by default: an endpoint nobody listed here is reachable by nobody (404 under /api and
                        // /fhir, 403 elsewhere, 401 before sign-in) until someone decides who may call it.
                        // EndpointRoleTableIT fails for any handler mapping its committed table does not list.
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                .formLogin(form -> form
                        .loginPage("/login")
                        .loginProcessingUrl("/api/login")
                        .successHandler(handlers)
                        .failureHandler(handlers))
                .logout(logout -> logout
                        .logoutUrl("/api/logout")
                        .logoutSuccessHandler(handlers))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        // CSRF rides on ambient credentials, i.e. a session cookie: Basic-auth clients and
                        // requests without a session have none (they get a plain 401). Sign-in itself stays
                        // protected against login CSRF. Camunda's webapps bring their own CSRF filter.
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null)
                        .ignoringRequestMatchers(request -> request.getSession(false) == null
                                && !"/api/login".equals(request.getRequestURI()))
                        .ignoringRequestMatchers("/camunda/**"))
                .headers(headers -> headers
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // Camunda's webapps send their own policy; ours is strict for everything else.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new AntPathRequestMatcher("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy",
                                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'"))));
        return http.build();
    }
}
