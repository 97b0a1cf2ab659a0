package org.relayrcm.statements;

import java.util.List;

import org.relayrcm.security.CurrentUser;
import org.relayrcm.shared.ApiException;
import org.springframework.http.HttpStatus;

/** The finer role rules of this feature: the URL rules let billers and managers in, each action wants one of them. */
final class Forbidden {

    private Forbidden() {
    }

    static void unlessRole(CurrentUser user, String role, String detail) {
        if (!user.hasRole(role)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
        }
    }
}
