package org.relayrcm.denials;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.relayrcm.claims.BillingProviderSettings;
import org.relayrcm.claims.ClaimView;
import org.relayrcm.shared.pdf.Dollars;
import org.relayrcm.shared.pdf.LetterDocument;
import org.relayrcm.shared.pdf.PageSize;
import org.relayrcm.shared.pdf.Table;
import org.relayrcm.shared.pdf.Table.Column;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appeal letter a payer's appeals unit reads: who appeals, which claim (ours and the payer's number), what was
 * denied and why, the services billed, and the biller's argument. Rebuilt from the database each time, never stored.
 */
@Component
class AppealLetter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private final BillingProviderSettings practice;
    private final JdbcClient jdbc;

    AppealLetter(BillingProviderSettings practice, JdbcClient jdbc) {
        this.practice = practice;
        this.jdbc = jdbc;
    }

    private record Reference(String payerClaimNumber, String memberId) {
    }

    byte[] render(AppealView appeal, ClaimView claim) {
        Reference ref = jdbc.sql("""
                SELECT c.payer_claim_control AS payer_claim_number, cv.member_id
                FROM claim c LEFT JOIN coverage cv ON cv.id = c.coverage_id WHERE c.id = :id""")
                .param("id", claim.id()).query(Reference.class).single();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LetterDocument letter = LetterDocument.on(PageSize.LETTER)
                .title("Appeal of claim " + claim.claimNumber())
                .addressBlock(practice.name(), practice.addressLine(),
                        join(practice.city(), practice.state(), practice.postalCode()),
                        "NPI " + practice.npi() + "   TIN " + practice.taxId())
                .paragraph(DATE.format(today))
                .addressBlock("Appeals Department", appeal.payerName())
                .heading("Request for reconsideration")
                .addressBlock("Patient: " + claim.patientName(),
                        ref.memberId() == null ? null : "Member ID: " + ref.memberId(),
                        "Date of service: " + claim.dateOfService(),
                        "Our claim number: " + claim.claimNumber(),
                        ref.payerClaimNumber() == null ? null : "Your claim number: " + ref.payerClaimNumber(),
                        "Amount billed: " + Dollars.format(claim.totalChargeCents()))
                .paragraph("We ask you to reconsider your denial of the claim above. The remittance advice denied it "
                        + "for the reasons below.");
        Table denied = Table.of(Column.text("Line", 0.6f), Column.text("Reason", 4), Column.money("Amount", 1.2f));
        appeal.denials().forEach(d -> denied.row(d.lineNumber() == null ? "Claim" : String.valueOf(d.lineNumber()),
                d.groupCode() + "-" + d.reasonCode() + " " + d.reasonText()
                        + (d.remarkCodes().isEmpty() ? "" : " (remarks " + String.join(", ", d.remarkCodes()) + ")"),
                Dollars.format(d.amountCents())));
        letter.table(denied).heading("Services billed");
        Table services = Table.of(Column.text("Line", 0.6f), Column.text("Code", 1), Column.text("Modifiers", 1.2f),
                Column.text("Units", 0.7f), Column.money("Charge", 1.2f));
        claim.lines().forEach(l -> services.row(String.valueOf(l.lineNumber()), l.procedureCode(),
                String.join(" ", l.modifiers()), String.valueOf(l.units()), Dollars.format(l.chargeCents())));
        letter.table(services).heading("Why the claim should be paid");
        if (appeal.argument() == null || appeal.argument().isBlank()) {
            letter.emphasis("DRAFT: the biller's argument is added here when the appeal is sent.");
        } else {
            letter.paragraph(appeal.argument());
        }
        return letter
                .paragraph("The supporting medical records are enclosed. Please send your decision to the address above.")
                .paragraph("Sincerely,")
                .addressBlock(practice.contactName(), practice.name(), practice.contactPhone())
                .toPdf();
    }

    private static String join(String city, String state, String postalCode) {
        return (city == null ? "" : city + ", ") + (state == null ? "" : state + " ") + (postalCode == null ? "" : postalCode);
    }
}
