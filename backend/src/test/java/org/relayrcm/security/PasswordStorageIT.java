package org.relayrcm.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.relayrcm.testing.Api;
import org.relayrcm.testing.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@RelayIntegrationTest
class PasswordStorageIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesPasswordsAsBcryptHashes() {
        String hash = jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = 'coder'", String.class);
        assertThat(hash).startsWith("{BCRYPT}$2a$");
        assertThat(Api.as(port, "coder").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void stillAcceptsAPasswordHashedWithSha512BeforeTheSwitch() {
        createUser("legacyuser", "legacy-pass");
        // What Camunda's default encryptor wrote: {SHA-512} + base64(SHA-512(password + salt)).
        String salt = jdbc.queryForObject("SELECT SALT_ FROM ACT_ID_USER WHERE ID_ = 'legacyuser'", String.class);
        String sha = new org.camunda.bpm.engine.impl.digest.Sha512HashDigest().encrypt("legacy-pass" + salt);
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = 'legacyuser'", "{SHA-512}" + sha);

        assertThat(Api.basic(port, "legacyuser", "legacy-pass").get("/api/me").status()).isEqualTo(200);
        assertThat(Api.basic(port, "legacyuser", "wrong").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void refusesEvenTheRightPasswordForAWhileAfterRepeatedWrongPasswords() {
        createUser("guesseduser", "right-pass");
        for (int i = 0; i < 12; i++) {
            Api.basic(port, "guesseduser", "guess-" + i).get("/api/me");
        }
        assertThat(Api.basic(port, "guesseduser", "right-pass").get("/api/me").status())
                .as("throttled (LoginThrottleIT), even with the right password").isEqualTo(429);
    }

    @Test
    void neverLocksAUserOutForGoodAfterManyWrongPasswords() {
        createUser("persistentuser", "right-pass");
        // What Camunda would have recorded after many wrong passwords over time, its last delay since passed.
        jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 50, LOCK_EXP_TIME_ = NULL WHERE ID_ = 'persistentuser'");

        assertThat(Api.basic(port, "persistentuser", "right-pass").get("/api/me").status()).isEqualTo(200);
    }

    private void createUser(String id, String password) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            identity.deleteUser(id);
        }
        User user = identity.newUser(id);
        user.setPassword(password);
        identity.saveUser(user);
    }
}
