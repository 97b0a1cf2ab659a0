package org.relayrcm.metrics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.PageRequestParams;
import org.relayrcm.shared.PageResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Technical failures that ran out of retries (a clearinghouse down all afternoon, say), for a manager
 * to see and retry once the cause is fixed. Business outcomes are never incidents: they are tasks.
 */
@Service
public class Incidents {

    public record IncidentView(String id, String type, Instant createdAt, String processDefinitionKey,
            String businessKey, String activityId, String message) {
    }

    private static final int MAX_MESSAGE = 300;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final ClearinghouseDeliveryIncidents deliveries;

    Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository,
            ClearinghouseDeliveryIncidents deliveries) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.deliveries = deliveries;
    }

    @Transactional(readOnly = true)
    public PageResponse<IncidentView> list(PageRequestParams paging) {
        var query = runtime.createIncidentQuery().orderByIncidentTimestamp().desc();
        List<Incident> incidents = query.listPage(paging.offset(), paging.size());
        Set<String> processIds = incidents.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!processIds.isEmpty()) {
            for (ProcessInstance p : runtime.createProcessInstanceQuery().processInstanceIds(processIds).list()) {
                businessKeys.put(p.getId(), p.getBusinessKey());
            }
        }
        List<IncidentView> views = incidents.stream().map(i -> new IncidentView(i.getId(), i.getIncidentType(),
                i.getIncidentTimestamp().toInstant(),
                repository.getProcessDefinition(i.getProcessDefinitionId()).getKey(),
                businessKeys.get(i.getProcessInstanceId()), i.getActivityId(), shorten(i.getIncidentMessage())))
                .toList();
        return new PageResponse<>(views, paging.page(), paging.size(), query.count());
    }

    /**
     * Gives the failed job, or the claim file the clearinghouse would not take, one more try, now; if it fails again
     * the incident comes back.
     */
    @Transactional
    public void retry(String incidentId) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident != null && ClearinghouseDeliveryIncidents.TYPE.equals(incident.getIncidentType())) {
            deliveries.retry(incident);
            return;
        }
        if (incident == null || !Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
            throw ApiException.notFound("Incident " + incidentId);
        }
        // The last failure left the job due after its longest back-off: due now, so the retry is a retry.
        management.setJobRetries(incident.getConfiguration(), 1);
        management.setJobDuedate(incident.getConfiguration(), java.util.Date.from(java.time.Instant.now()));
    }

    private static String shorten(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
