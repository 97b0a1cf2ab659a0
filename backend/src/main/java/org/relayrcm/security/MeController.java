package org.relayrcm.security;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final CurrentUser currentUser;

    MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    record Me(String username, List<String> groups) {
    }

    @GetMapping("/api/me")
    Me me() {
        return new Me(currentUser.id(), currentUser.groups());
    }
}
