package org.relayrcm.coding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.relayrcm.security.CurrentUser;
import org.relayrcm.security.Roles;
import org.relayrcm.shared.ApiException;
import org.relayrcm.shared.ValidationError;
import org.relayrcm.tasks.TaskList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Physician queries: a coder holding the coding task asks, the physician holding Task_AnswerQuery (or a
 * manager once the query is escalated) answers, and the answer joins the documentation the coder sees.
 */
@Service
public class PhysicianQueries {

    static final String ANSWER_TASK = "Task_AnswerQuery";

    private final JdbcClient jdbc;
    private final TaskList tasks;
    private final CurrentUser user;

    PhysicianQueries(JdbcClient jdbc, TaskList tasks, CurrentUser user) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.user = user;
    }

    private record QueryRow(long id, long codingCaseId, long encounterId, String encounterNumber, String patientName,
            LocalDate dateOfService, String documentation, String status, String question, boolean allowFreeText,
            String raisedBy, OffsetDateTime raisedAt, OffsetDateTime escalatedAt, String answeredBy,
            OffsetDateTime answeredAt, String answerChoice, String answerFreeText) {
    }

    /** Inserts the query for an open case; the caller completes the coder's task in the same transaction. */
    long insert(long caseId, long encounterId, PhysicianQuery.Raise raise) {
        List<String> options = validOptions(raise);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO physician_query (coding_case_id, encounter_id, question, allow_free_text, raised_by, raised_at)
                VALUES (:case, :encounter, :question, :free, :user, :now)""")
                .param("case", caseId).param("encounter", encounterId).param("question", raise.question().trim())
                .param("free", raise.allowFreeText()).param("user", user.id()).param("now", now())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("INSERT INTO physician_query_option (query_id, position, label) VALUES (:id, :pos, :label)")
                    .param("id", id).param("pos", i + 1).param("label", options.get(i)).update();
        }
        return id;
    }

    /**
     * The query. Physicians and managers read any; a coder reads one they raised, or one whose encounter's coding task
     * is offered to them or held by them, and gets 404 for any other as if it did not exist.
     */
    @Transactional(readOnly = true)
    public PhysicianQuery.View get(long id) {
        QueryRow row = row(id);
        if (readsOnlyOwnWork() && !user.id().equals(row.raisedBy())
                && !tasks.offered(CodingService.TASK, row.encounterNumber())) {
            throw ApiException.notFound("Query " + id);
        }
        return view(row);
    }

    private boolean readsOnlyOwnWork() {
        return user.hasRole(Roles.CODER) && !user.hasRole(Roles.PHYSICIAN) && !user.hasRole(Roles.MANAGER);
    }

    @Transactional
    public PhysicianQuery.View answer(long id, PhysicianQuery.Answer answer) {
        QueryRow row = row(id);
        if (!"OPEN".equals(row.status())) {
            throw ApiException.conflict("This query was already answered.");
        }
        if (!user.hasRole(Roles.PHYSICIAN) && row.escalatedAt() == null) {
            throw ApiException.conflict("Managers answer a query only once it has been escalated to them.");
        }
        List<String> options = options(id);
        String choice = blankToNull(answer.choice());
        String freeText = blankToNull(answer.freeText());
        List<ValidationError> errors = new ArrayList<>();
        if (choice == null && freeText == null) {
            errors.add(ValidationError.error("QUERY-ANSWER-REQUIRED", "choice", "Choose an answer"
                    + (row.allowFreeText() ? " or write one." : ".")));
        }
        String matched = choice == null ? null
                : options.stream().filter(o -> o.equalsIgnoreCase(choice)).findFirst().orElse(null);
        if (choice != null && matched == null) {
            errors.add(ValidationError.error("QUERY-ANSWER-CHOICE", "choice",
                    "'" + shorten(choice) + "' is not one of the answers offered: " + String.join(", ", options) + "."));
        }
        if (freeText != null && !row.allowFreeText()) {
            errors.add(ValidationError.error("QUERY-ANSWER-FREE-TEXT", "freeText",
                    "This query takes one of the answers offered, not free text."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The answer was not recorded.", errors);
        }
        int updated = jdbc.sql("""
                UPDATE physician_query SET status = 'ANSWERED', answered_by = :user, answered_at = :now,
                       answer_choice = :choice, answer_free_text = :free
                WHERE id = :id AND status = 'OPEN'""")
                .param("user", user.id()).param("now", now()).param("choice", matched).param("free", freeText)
                .param("id", id).update();
        if (updated != 1) {
            throw ApiException.conflict("This query was answered at the same time by someone else.");
        }
        tasks.completeHeld(ANSWER_TASK, row.encounterNumber(), Map.of());
        return get(id);
    }

    /** Records when the query went to managers (idempotent: the first escalation counts). */
    @Transactional
    public void markEscalated(long id) {
        jdbc.sql("UPDATE physician_query SET escalated_at = :now WHERE id = :id AND escalated_at IS NULL")
                .param("now", now()).param("id", id).update();
    }

    /** The answered queries of a case, written as documentation addenda, oldest first. */
    String addenda(long caseId) {
        List<QueryRow> answered = jdbc.sql(select() + " WHERE q.coding_case_id = :case AND q.status = 'ANSWERED' ORDER BY q.id")
                .param("case", caseId).query(QueryRow.class).list();
        StringBuilder text = new StringBuilder();
        for (QueryRow q : answered) {
            text.append("\n\n--- Physician query answered by ").append(q.answeredBy()).append(" on ")
                    .append(q.answeredAt().toLocalDate()).append(" ---\nQ: ").append(q.question()).append("\nA: ");
            if (q.answerChoice() != null) {
                text.append(q.answerChoice());
            }
            if (q.answerFreeText() != null) {
                text.append(q.answerChoice() != null ? " " : "").append(q.answerFreeText());
            }
        }
        return text.toString();
    }

    private List<String> validOptions(PhysicianQuery.Raise raise) {
        List<ValidationError> errors = new ArrayList<>();
        if (raise.question() == null || raise.question().isBlank()) {
            errors.add(ValidationError.error("QUERY-QUESTION", "question", "Write the question for the physician."));
        }
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raise.options().size(); i++) {
            String option = blankToNull(raise.options().get(i));
            if (option == null) {
                errors.add(ValidationError.error("QUERY-OPTION-BLANK", "options[" + i + "]", "Remove the empty answer."));
            } else if (!seen.add(option.toLowerCase(Locale.ROOT))) {
                errors.add(ValidationError.error("QUERY-OPTION-DUPLICATE", "options[" + i + "]",
                        "'" + shorten(option) + "' is offered twice."));
            } else {
                options.add(option);
            }
        }
        // Non-leading: the physician may always say the condition is undetermined.
        if (seen.add(PhysicianQuery.CLINICALLY_UNDETERMINED.toLowerCase(Locale.ROOT))) {
            options.add(PhysicianQuery.CLINICALLY_UNDETERMINED);
        }
        if (options.size() < 3) {
            errors.add(ValidationError.error("QUERY-OPTIONS", "options",
                    "Offer at least two clinically reasonable answers besides '" + PhysicianQuery.CLINICALLY_UNDETERMINED
                            + "', so the question does not lead."));
        }
        if (options.size() > PhysicianQuery.MAX_OPTIONS) {
            errors.add(ValidationError.error("QUERY-OPTIONS-MAX", "options",
                    "Offer at most " + (PhysicianQuery.MAX_OPTIONS - 1) + " answers besides '"
                            + PhysicianQuery.CLINICALLY_UNDETERMINED + "'."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The query was not sent.", errors);
        }
        return options;
    }

    private QueryRow row(long id) {
        return jdbc.sql(select() + " WHERE q.id = :id").param("id", id).query(QueryRow.class).optional()
                .orElseThrow(() -> ApiException.notFound("Query " + id));
    }

    private static String select() {
        return """
                SELECT q.id, q.coding_case_id, q.encounter_id, e.encounter_number,
                       p.first_name || ' ' || p.last_name AS patient_name, e.date_of_service, e.documentation,
                       q.status, q.question, q.allow_free_text, q.raised_by, q.raised_at, q.escalated_at,
                       q.answered_by, q.answered_at, q.answer_choice, q.answer_free_text
                FROM physician_query q
                JOIN encounter e ON e.id = q.encounter_id
                JOIN patient p ON p.id = e.patient_id""";
    }

    private List<String> options(long id) {
        return jdbc.sql("SELECT label FROM physician_query_option WHERE query_id = :id ORDER BY position")
                .param("id", id).query(String.class).list();
    }

    private PhysicianQuery.View view(QueryRow r) {
        return new PhysicianQuery.View(r.id(), r.codingCaseId(), r.encounterId(), r.encounterNumber(), r.patientName(),
                r.dateOfService(), r.documentation() + addenda(r.codingCaseId()), r.status(), r.question(), options(r.id()),
                r.allowFreeText(), r.raisedBy(), instant(r.raisedAt()), instant(r.escalatedAt()), r.answeredBy(),
                instant(r.answeredAt()), r.answerChoice(), r.answerFreeText());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
