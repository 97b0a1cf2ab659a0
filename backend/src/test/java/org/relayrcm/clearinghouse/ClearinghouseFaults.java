package org.relayrcm.clearinghouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes the clearinghouse fail, for one encounter's claim files only, the ways a real one does: it hangs, its outbox is
 * gone, or the disk fills mid-write. The real outbox adapter is wrapped, not replaced (the payer simulator still reads
 * what it wrote), and every other claim in the shared test context goes out as usual. Keyed by encounter number
 * because a clean claim goes out as soon as it is built, before a test could learn its number.
 */
@Component
public class ClearinghouseFaults implements BeanPostProcessor, ApplicationContextAware {

    public enum Kind {
        /** The hand-over never returns (a hung share or SFTP server) until it is interrupted. */
        HANG,
        /** The outbox folder is gone: the real adapter, pointed at a folder that no longer exists. */
        UNAVAILABLE,
        /** The disk fills mid-write: half the file under a temporary name, then the write fails. */
        HALF_WRITTEN
    }

    private record Fault(Kind kind, int times, AtomicInteger injected) {
    }

    private static final Map<String, Fault> FAULTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private ApplicationContext context;
    private OutboxFolderClearinghouse real;
    private OutboxFolderClearinghouse gone;

    /** The encounter's claim files fail this way the first {@code times} hand-overs. */
    public static void failFirst(String encounterNumber, Kind kind, int times) {
        FAULTS.put(encounterNumber, new Fault(kind, times, new AtomicInteger()));
    }

    /** Every hand-over of the encounter's claim files fails this way until {@link #clear}. */
    public static void failEvery(String encounterNumber, Kind kind) {
        failFirst(encounterNumber, kind, Integer.MAX_VALUE);
    }

    public static void clear(String encounterNumber) {
        FAULTS.remove(encounterNumber);
    }

    /** How many hand-overs of the file reached the clearinghouse, failed or not. */
    public static int handOvers(String fileName) {
        return CALLS.getOrDefault(fileName, new AtomicInteger()).get();
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (!(bean instanceof OutboxFolderClearinghouse outbox)) {
            return bean;
        }
        real = outbox;
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true); // the payer simulator asks for the outbox adapter by its class
        proxy.addAdvice((MethodInterceptor) call -> {
            if (call.getMethod().getName().equals("deliver") && call.getArguments().length == 2) {
                String fileName = (String) call.getArguments()[0];
                CALLS.computeIfAbsent(fileName, n -> new AtomicInteger()).incrementAndGet();
                injectFault(fileName, (byte[]) call.getArguments()[1]);
            }
            return call.proceed();
        });
        return proxy.getProxy();
    }

    private void injectFault(String fileName, byte[] content) throws InterruptedException {
        if (FAULTS.isEmpty()) {
            return;
        }
        Fault fault = FAULTS.get(encounterOf(fileName));
        if (fault == null || fault.injected().incrementAndGet() > fault.times()) {
            return;
        }
        switch (fault.kind()) {
            case HANG -> Thread.sleep(Long.MAX_VALUE);
            case UNAVAILABLE -> goneOutbox().deliver(fileName, content);
            case HALF_WRITTEN -> {
                try {
                    Path temp = real.resolve(".staging").resolve(fileName + "." + UUID.randomUUID() + ".part");
                    Files.write(temp, Arrays.copyOf(content, content.length / 2));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new ClearinghouseUnavailable(
                        "Could not write " + fileName + " to the clearinghouse outbox (No space left on device)");
            }
        }
    }

    /** A second outbox adapter whose folder was removed after it started: what an unmounted share looks like. */
    private synchronized OutboxFolderClearinghouse goneOutbox() {
        if (gone == null) {
            try {
                Path folder = Files.createTempDirectory("relay-gone-outbox");
                gone = new OutboxFolderClearinghouse(folder, event -> {
                });
                Files.delete(folder.resolve(".staging"));
                Files.delete(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return gone;
    }

    private String encounterOf(String fileName) {
        String claimNumber = fileName.substring(0, fileName.indexOf('-'));
        return context.getBean(JdbcTemplate.class).queryForList("""
                SELECT e.encounter_number FROM claim c JOIN encounter e ON e.id = c.encounter_id
                WHERE c.claim_number = ?""", String.class, claimNumber).stream().findFirst().orElse("");
    }
}
