package org.relayrcm.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Camunda's identity service hashes passwords with salted SHA-512, which is fast to brute-force. This
 * plugin makes it store BCrypt hashes instead; SHA-512 hashes written before stay readable, so existing
 * users can still sign in. {@link LoginThrottle} and Camunda's growing delay after each wrong password slow
 * guessing on top.
 */
@Component
class BcryptPasswords extends AbstractProcessEnginePlugin {

    private final int strength;

    BcryptPasswords(@Value("${relay.security.bcrypt-strength:10}") int strength) {
        this.strength = strength;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Camunda keeps its SHA-512 checker for hashes written before (PasswordStorageIT proves it).
        configuration.setPasswordEncryptor(new Bcrypt(new BCryptPasswordEncoder(strength)));
    }

    static final class Bcrypt implements PasswordEncryptor {

        private final BCryptPasswordEncoder encoder;

        Bcrypt(BCryptPasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encrypt(String password) {
            return encoder.encode(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            return encoder.matches(password, encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return "BCRYPT";
        }
    }
}
