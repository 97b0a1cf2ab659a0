package org.relayrcm.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda locks a user for good after {@code loginMaxAttempts} (10) wrong passwords until an administrator unlocks
 * them: anyone who knows a user name could lock that person out for good with ten guesses over some five minutes.
 * {@link LoginThrottle} limits guessing instead, with refusals that end by themselves, so the permanent lock is off.
 * Camunda's growing delay after each wrong password (3 s, doubling up to 60 s, the right password refused meanwhile)
 * stays, and ends at the next successful sign-in.
 */
@Component
class NoPermanentEngineLockout extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    }
}
