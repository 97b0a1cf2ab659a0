package org.relayrcm.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class StatementTimersTest {

    private static final LocalDate SENT = LocalDate.of(2026, 1, 31);

    @Test
    void printsThePayByDateOfEachNoticeAsTheDayTheNextStepIsDue() {
        StatementTimers timers = new StatementTimers("P30D", "P1M", "P14D");

        assertThat(timers.dueOn(NoticeKind.FIRST, SENT)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(timers.dueOn(NoticeKind.REMINDER, SENT)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(timers.dueOn(NoticeKind.FINAL, SENT)).isEqualTo(LocalDate.of(2026, 2, 14));
    }

    @Test
    void roundsHourLongWaitsDownToWholeDays() {
        StatementTimers timers = new StatementTimers("PT12H", "PT48H", "P30D");

        assertThat(timers.dueOn(NoticeKind.FIRST, SENT)).isEqualTo(SENT);
        assertThat(timers.dueOn(NoticeKind.REMINDER, SENT)).isEqualTo(SENT.plusDays(2));
    }

    @Test
    void handsTheConfiguredWaitsToTheProcessUnchanged() {
        StatementTimers timers = new StatementTimers("P30D", "P21D", "PT36H");

        assertThat(timers.reminderAfter()).isEqualTo("P30D");
        assertThat(timers.finalNoticeAfter()).isEqualTo("P21D");
        assertThat(timers.reviewAfter()).isEqualTo("PT36H");
    }

    @Test
    void refusesToStartWithAWaitThatIsNotAPositiveIsoDuration() {
        assertThatThrownBy(() -> new StatementTimers("30 days", "P30D", "P30D"))
                .hasMessageContaining("relay.statements.reminder-after");
        assertThatThrownBy(() -> new StatementTimers("P30D", "P0D", "P30D"))
                .hasMessageContaining("relay.statements.final-notice-after");
        assertThatThrownBy(() -> new StatementTimers("P30D", "P30D", "-PT1H"))
                .hasMessageContaining("relay.statements.review-after");
    }
}
