package org.relayrcm.demo;

import java.time.LocalDate;
import java.util.List;

import org.relayrcm.intake.EncounterService;
import org.relayrcm.intake.NewEncounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds two payers and a morning's worth of documented encounters the first time the quick start
 * runs, through the same intake path an EHR uses, so each one waits as a coding task.
 */
@Component
@ConditionalOnProperty(name = "relay.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcClient jdbc;
    private final EncounterService encounters;
    private final TransactionTemplate transaction;

    DemoData(JdbcClient jdbc, EncounterService encounters, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.encounters = encounters;
        this.transaction = transaction;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void seed() {
        if (jdbc.sql("SELECT COUNT(*) FROM encounter").query(Long.class).single() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO payer (payer_code, name, timely_filing_days) VALUES ('LHP01', 'Lakeside Health Plan', 90)").update();
            jdbc.sql("INSERT INTO payer (payer_code, name, timely_filing_days) VALUES ('PRM02', 'Prairie Mutual', 365)").update();
            // A payer billed on the UB-04 (837I) for hospital outpatient stays.
            jdbc.sql("""
                    INSERT INTO payer (payer_code, name, claim_type, timely_filing_days, claim_filing_indicator)
                    VALUES ('GLH03', 'Great Lakes Hospital Plan', 'INSTITUTIONAL', 180, 'CI')""").update();
            // Contract rates: each payer allows a share of the chargemaster; the simulator pays by them.
            jdbc.sql("""
                    INSERT INTO payer_fee_schedule (payer_id, procedure_code, modifier, allowed_cents)
                    SELECT py.id, f.procedure_code, f.modifier, f.amount_cents * CASE py.payer_code
                        WHEN 'LHP01' THEN 72 WHEN 'PRM02' THEN 80 ELSE 65 END / 100
                    FROM fee_schedule f CROSS JOIN payer py""").update();
            encounters().forEach(encounters::receive);
        });
        log.info("Seeded demo payers and encounters");
    }

    private static List<NewEncounter> encounters() {
        LocalDate today = LocalDate.now();
        return List.of(
                encounter("E-1001", today.minusDays(2), "MRN-20417", "Maria", "Alvarez", LocalDate.of(1979, 3, 14), "F",
                        "LHP01", "LHP8812345", """
                        Established patient, follow-up of type 2 diabetes and hypertension.
                        HPI: Home glucose readings 180-240 fasting over the last month. Missed metformin doses while travelling.
                        Denies chest pain or dyspnea. BP at home 140s/90s.
                        Exam: BP 148/92, HR 78, BMI 31. Feet: intact sensation, no ulcers.
                        Labs: A1c 8.9% today.
                        Assessment: Type 2 diabetes mellitus with hyperglycemia, not at goal. Essential hypertension, uncontrolled.
                        Plan: Increase metformin, start lisinopril 10 mg, diabetes education referral, recheck in 6 weeks.
                        Moderate complexity medical decision making; 32 minutes total time."""),
                encounter("E-1002", today.minusDays(2), "MRN-31102", "Robert", "Chen", LocalDate.of(1956, 11, 2), "M",
                        "PRM02", "PRM5550192", """
                        Right knee pain, 8 months, worse with stairs. X-ray last visit: medial joint space narrowing.
                        Exam: right knee effusion, crepitus, medial joint line tenderness. Left knee normal.
                        Assessment: Primary osteoarthritis, right knee.
                        Procedure: After informed consent and sterile prep, the RIGHT knee was injected via lateral approach
                        with 40 mg triamcinolone and 4 ml lidocaine 1%. No ultrasound guidance. Tolerated well."""),
                encounter("E-1003", today.minusDays(1), "MRN-40988", "Aisha", "Johnson", LocalDate.of(1998, 6, 21), "F",
                        "LHP01", "LHP1200777", """
                        Sore throat and fever for 2 days, no cough. Exam: temp 38.6 C, tonsillar exudate, tender anterior
                        cervical nodes. Rapid strep antigen negative.
                        Assessment: Acute pharyngitis, likely viral. Supportive care, return if worse.
                        Low complexity decision making; 20 minutes."""),
                encounter("E-1004", today.minusDays(1), "MRN-51234", "Walter", "Novak", LocalDate.of(1948, 1, 30), "M",
                        "PRM02", "PRM7734001", """
                        Knee pain left side after a fall on ice two days ago; able to bear weight with pain.
                        Exam: left knee tenderness over the medial joint line, no effusion, ligaments stable.
                        Imaging: Left knee radiographs, 2 views, read in office: no fracture.
                        Assessment: Pain in left knee after fall."""),
                encounter("E-1005", today, "MRN-62001", "Grace", "Okafor", LocalDate.of(1985, 9, 9), "F",
                        "LHP01", "LHP4400912", """
                        Physical therapy visit 4 of 12 for low back pain without radiculopathy.
                        Therapeutic exercise: core stabilisation and flexibility, 30 minutes one-on-one.
                        Progressing; pain 4/10 from 7/10 at intake."""),
                hospitalOutpatient("E-1006", today.minusDays(1), "MRN-70331", "Helen", "Brooks", LocalDate.of(1961, 4, 17),
                        "F", "GLH03", "GLH3300418", """
                        Hospital outpatient department visit. Fall at home yesterday, left knee pain and swelling.
                        Left knee radiographs, 2 views: no fracture, small joint effusion.
                        Venipuncture; CBC within normal limits.
                        Assessment: Pain in left knee after a fall; no fracture. Discharged home."""));
    }

    /** The practice's physician, who renders the office visits. */
    private static final NewEncounter.Provider OFFICE_PHYSICIAN =
            new NewEncounter.Provider("1748392010", "Patel", "Priya", "207Q00000X");
    /** The hospital's attending physician for outpatient stays. */
    private static final NewEncounter.Provider ATTENDING =
            new NewEncounter.Provider("1609458272", "Morgan", "James", "207P00000X");

    private static NewEncounter hospitalOutpatient(String number, LocalDate dos, String mrn, String first, String last,
            LocalDate birth, String sex, String payer, String member, String documentation) {
        return new NewEncounter(number, dos, "22", patient(mrn, first, last, birth, sex),
                new NewEncounter.Coverage(payer, member), documentation, ATTENDING,
                new NewEncounter.Facility("13", "3", "1", "01", dos));
    }

    private static NewEncounter.Patient patient(String mrn, String first, String last, LocalDate birth, String sex) {
        return new NewEncounter.Patient(mrn, first, last, birth, sex, "12 Elm Street", "Springfield", "IL", "62701");
    }

    private static NewEncounter encounter(String number, LocalDate dos, String mrn, String first, String last,
            LocalDate birth, String sex, String payer, String member, String documentation) {
        return new NewEncounter(number, dos, "11", patient(mrn, first, last, birth, sex),
                new NewEncounter.Coverage(payer, member), documentation, OFFICE_PHYSICIAN, null);
    }
}
