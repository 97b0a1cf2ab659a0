package org.relayrcm.processes;

/**
 * The shape of the backend's {@code queryTimers} bean as revenue-cycle.bpmn calls it:
 * {@code ${queryTimers.escalateAfter()}} is an ISO-8601 duration such as {@code P2D}.
 */
public interface QueryTimers {

    String escalateAfter();
}
