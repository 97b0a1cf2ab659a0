package org.relayrcm.statements;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.relayrcm.claims.BillingProviderSettings;
import org.relayrcm.shared.pdf.Dollars;
import org.relayrcm.shared.pdf.LetterDocument;
import org.relayrcm.shared.pdf.PageSize;
import org.relayrcm.shared.pdf.Table;
import org.relayrcm.shared.pdf.Table.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printed statement of an account, rebuilt from its rows each time (never stored): the practice, the patient's
 * mailing address, the services and what insurance did with them, the payments received and the amount due by
 * the date of the latest notice of the current cycle.
 */
@Component
public class StatementDocument {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private record MailingAddress(String firstName, String lastName, String addressLine, String city, String state,
            String postalCode) {
    }

    private final StatementQueries queries;
    private final JdbcClient jdbc;
    private final BillingProviderSettings practice;
    private final StatementTimers timers;

    StatementDocument(StatementQueries queries, JdbcClient jdbc, BillingProviderSettings practice,
            StatementTimers timers) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.practice = practice;
        this.timers = timers;
    }

    @Transactional(readOnly = true)
    public byte[] render(long statementId) {
        StatementView account = queries.get(statementId);
        StatementView.Notice notice = account.notices().stream()
                .filter(n -> n.cycleNumber() == account.cycleNumber()).reduce((first, last) -> last).orElse(null);
        NoticeKind kind = notice == null ? NoticeKind.FIRST : notice.kind();
        LocalDate statementDate = notice == null ? LocalDate.now() : notice.sentAt().toLocalDate();
        LocalDate payBy = notice == null ? timers.dueOn(NoticeKind.FIRST, statementDate) : notice.dueOn();

        LetterDocument letter = LetterDocument.on(PageSize.LETTER).title(kind.title() + " " + account.claimNumber())
                .addressBlock(practice.name(), practice.addressLine(), cityLine(practice.city(), practice.state(),
                        practice.postalCode()), phone(practice.contactPhone()))
                .heading(kind.title())
                .table(Table.of(Column.text("Statement date", 2), Column.text("Account", 2),
                        Column.money("Amount due", 1.5f), Column.text("Please pay by", 2))
                        .row(LONG_DATE.format(statementDate), account.claimNumber(),
                                Dollars.format(account.balanceCents()), LONG_DATE.format(payBy)))
                .addressBlock(mailingAddress(statementId))
                .paragraph(opening(kind, account))
                .table(services(account))
                .table(summary(account));
        if (!account.payments().isEmpty()) {
            letter.table(payments(account));
        }
        return letter.emphasis(closing(kind, account, payBy)).toPdf();
    }

    private static Table services(StatementView account) {
        Table table = Table.of(Column.text("Date", 1.2f), Column.text("Service", 4), Column.money("Charge", 1.2f),
                Column.money("Insurance paid", 1.4f));
        for (StatementView.Line line : account.lines()) {
            String code = line.procedureCode() + (line.modifiers().isBlank() ? "" : "-" + line.modifiers());
            String units = line.units() > 1 ? " x" + line.units() : "";
            table.row(SHORT_DATE.format(account.dateOfService()),
                    code + units + (line.description() == null ? "" : "  " + line.description()),
                    Dollars.format(line.chargeCents()),
                    line.insurancePaidCents() == null ? "" : Dollars.format(line.insurancePaidCents()));
        }
        return table;
    }

    private static Table summary(StatementView account) {
        String payer = account.payerName() == null ? "insurance" : account.payerName();
        return Table.of(Column.text("Account summary", 5), Column.money("Amount", 1.5f))
                .row("Total charges", Dollars.format(account.totalChargeCents()))
                .row("Paid by " + payer, "-" + Dollars.format(account.insurancePaidCents()))
                .row("Adjusted by " + payer, "-" + Dollars.format(account.adjustedCents()))
                .row("Your share after insurance", Dollars.format(account.billedCents()))
                .row("Your payments received", "-" + Dollars.format(account.paidCents()))
                .totalRow("Amount due", Dollars.format(account.balanceCents()));
    }

    private static Table payments(StatementView account) {
        Table table = Table.of(Column.text("Payment received", 2), Column.text("Method", 1.5f),
                Column.text("Reference", 2), Column.money("Amount", 1.5f));
        account.payments().forEach(p -> table.row(SHORT_DATE.format(p.receivedOn()), p.method().name(),
                p.reference() == null ? "" : p.reference(), Dollars.format(p.amountCents())));
        return table;
    }

    private static String opening(NoticeKind kind, StatementView account) {
        String visit = "your visit on " + LONG_DATE.format(account.dateOfService());
        return switch (kind) {
            case FIRST -> "Your insurance has processed the claim for " + visit + ". This is the part of the bill "
                    + "that is yours to pay.";
            case REMINDER -> "Our records show a balance still open for " + visit + ". If you have already paid, "
                    + "thank you, and please disregard this reminder.";
            case FINAL -> "This is the final notice for the balance of " + visit + ".";
        };
    }

    private String closing(NoticeKind kind, StatementView account, LocalDate payBy) {
        if (account.balanceCents() == 0) {
            return "Thank you: this account is paid in full.";
        }
        String pay = "Please pay " + Dollars.format(account.balanceCents()) + " by " + LONG_DATE.format(payBy) + ".";
        String questions = " Questions about this bill or a payment plan? Call "
                + (practice.contactName() == null ? "our billing office" : practice.contactName())
                + (practice.contactPhone() == null ? "" : " at " + phone(practice.contactPhone())) + ".";
        if (kind == NoticeKind.FINAL) {
            return pay + " If it remains unpaid, the account may be referred to a collection agency." + questions;
        }
        return pay + questions;
    }

    private List<String> mailingAddress(long statementId) {
        MailingAddress a = jdbc.sql("""
                SELECT p.first_name, p.last_name, p.address_line, p.city, p.state, p.postal_code
                FROM patient_statement s JOIN claim c ON c.id = s.claim_id
                JOIN encounter e ON e.id = c.encounter_id JOIN patient p ON p.id = e.patient_id
                WHERE s.id = :id""")
                .param("id", statementId).query(MailingAddress.class).single();
        List<String> lines = new ArrayList<>();
        lines.add(a.firstName() + " " + a.lastName());
        lines.add(a.addressLine());
        lines.add(cityLine(a.city(), a.state(), a.postalCode()));
        return lines;
    }

    static String cityLine(String city, String state, String postalCode) {
        String zip = postalCode != null && postalCode.matches("\\d{9}")
                ? postalCode.substring(0, 5) + "-" + postalCode.substring(5) : postalCode;
        String place = String.join(" ", nonBlank(state, zip));
        return String.join(", ", nonBlank(city, place));
    }

    static String phone(String digits) {
        return digits != null && digits.matches("\\d{10}")
                ? "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6) : digits;
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.trim());
            }
        }
        return kept;
    }
}
