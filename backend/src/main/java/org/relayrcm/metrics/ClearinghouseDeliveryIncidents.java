package org.relayrcm.metrics;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.relayrcm.claims.ClaimFileRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A claim file the relay gave up handing to the clearinghouse, as an incident on the claim's submission process: the
 * manager sees it beside failed jobs (and in Cockpit), and retrying it gives the file one more try. Camunda's own
 * custom incident type, so the engine keeps it, shows it and removes it with the process.
 */
@Component
class ClearinghouseDeliveryIncidents {

    static final String TYPE = "clearinghouseDelivery";
    private static final Logger log = LoggerFactory.getLogger(ClearinghouseDeliveryIncidents.class);

    private final RuntimeService runtime;
    private final ClaimFileRelay relay;

    ClearinghouseDeliveryIncidents(RuntimeService runtime, ClaimFileRelay relay) {
        this.runtime = runtime;
        this.relay = relay;
    }

    /** Idempotent: the relay says it again at every start-up. Configuration = the submission's id. */
    @EventListener
    void onGaveUp(ClaimFileRelay.DeliveryGaveUp gaveUp) {
        String configuration = Long.toString(gaveUp.submissionId());
        if (runtime.createIncidentQuery().incidentType(TYPE).configuration(configuration).count() > 0) {
            return;
        }
        // The submission's own process waits for the 999 of this file; a replacement runs in a newer instance.
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey("claim-submission")
                .processInstanceBusinessKey(gaveUp.claimNumber()).orderByProcessInstanceId().desc().listPage(0, 1)
                .stream().findFirst().orElse(null);
        if (process == null) {
            log.error("Submission {} was not handed to the clearinghouse and its claim has no running submission "
                    + "process to show an incident on", gaveUp.submissionId());
            return;
        }
        String execution = waitingExecution(runtime.getActivityInstance(process.getId()));
        if (execution == null) {
            log.error("Submission {} was not handed to the clearinghouse and its submission process waits nowhere to "
                    + "show an incident on", gaveUp.submissionId());
            return;
        }
        runtime.createIncident(TYPE, execution, configuration, gaveUp.failure());
    }

    /**
     * An incident needs an execution at an activity; the process instance itself has none while it waits in parallel
     * (the 999 and its reminder timer), so: the first activity it waits in.
     */
    private static String waitingExecution(ActivityInstance instance) {
        if (instance == null) {
            return null;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            String found = waitingExecution(child);
            if (found != null) {
                return found;
            }
        }
        boolean leaf = instance.getChildActivityInstances().length == 0
                && instance.getParentActivityInstanceId() != null;
        return leaf && instance.getExecutionIds().length > 0 ? instance.getExecutionIds()[0] : null;
    }

    /** One more try for the file; the incident goes, and comes back if the try fails. */
    void retry(Incident incident) {
        relay.redeliver(Long.parseLong(incident.getConfiguration()));
        runtime.resolveIncident(incident.getId());
    }
}
