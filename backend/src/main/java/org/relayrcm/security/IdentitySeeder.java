package org.relayrcm.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups (roles) and the users a fresh installation needs. The demo profile gets one user
 * per role with password = user name; production gets only {@code admin}, from RELAY_ADMIN_PASSWORD.
 * Seeding the admin also closes Camunda's initial-setup page, which would let anyone create one.
 */
@Component
class IdentitySeeder {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(Roles.CODER, "Coders");
        GROUPS.put(Roles.BILLER, "Billers");
        GROUPS.put(Roles.MANAGER, "Revenue-cycle managers");
        GROUPS.put(Roles.AUDITOR, "Coding auditors");
        GROUPS.put(Roles.PHYSICIAN, "Physicians");
        GROUPS.put(Roles.INTAKE, "EHR and clearinghouse interfaces");
        GROUPS.put(Roles.ADMIN, "Camunda administrators");
    }

    private static final Map<String, List<String>> DEMO_USERS = new LinkedHashMap<>();

    static {
        DEMO_USERS.put("coder", List.of(Roles.CODER));
        DEMO_USERS.put("biller", List.of(Roles.BILLER));
        DEMO_USERS.put("manager", List.of(Roles.MANAGER));
        DEMO_USERS.put("auditor", List.of(Roles.AUDITOR));
        DEMO_USERS.put("physician", List.of(Roles.PHYSICIAN));
        DEMO_USERS.put("ehr", List.of(Roles.INTAKE));
    }

    private final IdentityService identity;
    private final boolean demo;
    private final boolean demoUsers;
    private final String adminPassword;

    IdentitySeeder(IdentityService identity, @Value("${relay.demo.enabled:false}") boolean demo,
            @Value("${relay.demo.users-enabled:${relay.demo.enabled:false}}") boolean demoUsers,
            @Value("${relay.admin.password:}") String adminPassword) {
        this.identity = identity;
        this.demo = demo;
        this.demoUsers = demoUsers;
        this.adminPassword = adminPassword;
        if (!demo && adminPassword.isBlank()) {
            throw new IllegalStateException(
                    "RELAY_ADMIN_PASSWORD is not set: refusing to start without an administrator password");
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void seed() {
        GROUPS.forEach(this::ensureGroup);
        ensureUser("admin", demo ? "admin" : adminPassword, "Relay", "Administrator",
                List.of(Roles.ADMIN, Roles.INTAKE));
        if (demoUsers) {
            DEMO_USERS.forEach((id, groups) -> ensureUser(id, id, capitalize(id), "Demo", groups));
        }
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Roles.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureUser(String id, String password, String first, String last, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Created user {}", id);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
