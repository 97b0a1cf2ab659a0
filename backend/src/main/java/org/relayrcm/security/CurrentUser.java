package org.relayrcm.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user as the features need it: a user id and the groups that decide what they see. */
@Component
public class CurrentUser {

    public String id() {
        return authentication().getName();
    }

    public List<String> groups() {
        return authentication().getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }

    public boolean hasRole(String role) {
        return groups().contains(role);
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No authenticated user on this thread");
        }
        return authentication;
    }
}
