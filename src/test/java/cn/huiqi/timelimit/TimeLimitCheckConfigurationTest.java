package cn.huiqi.timelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A time-limit check names its task (the clock is the one running for it); a check scheduled before, which also named
 * the clock by id, is read as a check of its task, so the jobs waiting in a database keep working.
 */
class TimeLimitCheckConfigurationTest {

    @Test
    void aCheckNamesItsTaskAndKind() {
        TimeLimitJobs.Check check = new TimeLimitJobs.Check("8298b78a-edeb-11f1-823f-02fc00000001", TimeLimitJobs.Kind.REMINDER);
        assertThat(check.toCanonicalString()).isEqualTo("8298b78a-edeb-11f1-823f-02fc00000001:REMINDER");
        assertThat(TimeLimitJobs.Check.parse(check.toCanonicalString())).isEqualTo(check);
    }

    @Test
    void aCheckScheduledWithItsClocksIdIsACheckOfItsTask() {
        assertThat(TimeLimitJobs.Check.parse("14:829757e5-edeb-11f1-823f-02fc00000001:OVERDUE"))
                .isEqualTo(new TimeLimitJobs.Check("829757e5-edeb-11f1-823f-02fc00000001", TimeLimitJobs.Kind.OVERDUE));
        assertThat(TimeLimitJobs.Check.parse("7:1203:SUPPLEMENT_REMINDER"))
                .isEqualTo(new TimeLimitJobs.Check("1203", TimeLimitJobs.Kind.SUPPLEMENT_REMINDER));
    }
}
