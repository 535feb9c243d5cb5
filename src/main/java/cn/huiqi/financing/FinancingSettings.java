package cn.huiqi.financing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiqi.financing} (application.yml). The policy publishes none of these figures: every one is a labelled
 * default, 系统默认值，待政策部门确认.
 *
 * @param publicationWorkingDays how long a publication waits for a take-up before jrb coordinates
 * @param takeUpWorkingDays      how long one institution's take-up may run to its credit decision; then it lapses
 *                               and frees its slot
 * @param maxActiveTakeUps       take-ups running at once per demand (issue 18: at most three)
 * @param screening              who screens a new demand: {@code locality} (the enterprise's 县区/开发区) or {@code jrb}
 */
@ConfigurationProperties("huiqi.financing")
record FinancingSettings(int publicationWorkingDays, int takeUpWorkingDays, int maxActiveTakeUps, String screening) {

    static final String JRB = "jrb";

    FinancingSettings {
        publicationWorkingDays = publicationWorkingDays <= 0 ? 10 : publicationWorkingDays;
        takeUpWorkingDays = takeUpWorkingDays <= 0 ? 5 : takeUpWorkingDays;
        maxActiveTakeUps = maxActiveTakeUps <= 0 ? 3 : maxActiveTakeUps;
        screening = screening == null || screening.isBlank() ? "locality" : screening;
    }
}
