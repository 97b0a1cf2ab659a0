package org.relayrcm.testing;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aopalliance.intercept.MethodInterceptor;
import org.relayrcm.claims.ClaimAcknowledgements;
import org.relayrcm.edi.ClaimAcknowledgement;
import org.relayrcm.edi.FunctionalAcknowledgement;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * Records every call the application makes to the {@link ClaimAcknowledgements} port, so integration tests can show
 * that a file reached it (and reached it once). The real implementation is wrapped, not replaced, so claims still move
 * as in production; a context without an implementation (the port's adapters written before the claims side) gets
 * one that knows no claims, so the inbound side can be tested on its own.
 */
@Component
public class AcknowledgementRecorder implements BeanDefinitionRegistryPostProcessor, BeanPostProcessor {

    private static final List<Object> CALLS = new CopyOnWriteArrayList<>();

    /** Every acknowledgement handed to the port since the JVM started, in order. */
    public static List<FunctionalAcknowledgement> functional() {
        return CALLS.stream().filter(FunctionalAcknowledgement.class::isInstance)
                .map(FunctionalAcknowledgement.class::cast).toList();
    }

    public static List<ClaimAcknowledgement> claims() {
        return CALLS.stream().filter(ClaimAcknowledgement.class::isInstance).map(ClaimAcknowledgement.class::cast)
                .toList();
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (((ListableBeanFactory) registry).getBeanNamesForType(ClaimAcknowledgements.class, true, false).length == 0) {
            registry.registerBeanDefinition("claimAcknowledgementsKnowingNoClaims",
                    new RootBeanDefinition(KnowingNoClaims.class));
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // nothing: the definitions are all the registry step needs
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ClaimAcknowledgements)) {
            return bean;
        }
        MethodInterceptor record = invocation -> {
            Object[] arguments = invocation.getArguments();
            if (arguments.length == 1 && (arguments[0] instanceof FunctionalAcknowledgement
                    || arguments[0] instanceof ClaimAcknowledgement)) {
                CALLS.add(arguments[0]);
            }
            return invocation.proceed();
        };
        if (bean instanceof Advised proxied && !proxied.isFrozen()) {
            // Already a proxy (e.g. @Transactional): one more advice, outermost, keeps its type and its behaviour.
            proxied.addAdvice(0, record);
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        // A class proxy keeps the implementation's own type injectable where it is injected by class.
        proxy.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
        proxy.addAdvice(record);
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    /** Until the claims feature implements the port: every claim and group is one we never sent. */
    static class KnowingNoClaims implements ClaimAcknowledgements {

        @Override
        public Outcome functionalAcknowledgement(FunctionalAcknowledgement ack) {
            return new Outcome(List.of(), List.of(), List.of(ack.groupControlNumber()));
        }

        @Override
        public Outcome claimAcknowledgement(ClaimAcknowledgement ack) {
            return new Outcome(List.of(), List.of(),
                    ack.claims().stream().map(ClaimAcknowledgement.ClaimResult::patientControlNumber).toList());
        }
    }
}
