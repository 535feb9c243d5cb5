package cn.huiqi.settlement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.common.Label;

/**
 * The public notice (公示) of a settlement, in working days (docs/working-days.md): it starts when the settlement has
 * announced its cases; its first day is the working day after (民法典 第201条), its last day
 * {@code lastDayOf(start, huiqi.notice.working-days)}, and the notice timer of fund-settlement fires at the end of that
 * day, 24:00 Asia/Shanghai ({@code ${publicNotice.endsAt(execution)}}). The length and the objection contact are
 * labelled defaults in configuration. "Today" is the engine's clock (ClockUtil), the clock its timers run on.
 */
@Component("publicNotice")
public class PublicNotice {

    /** The first and last day of a notice, both inclusive. */
    public record Period(LocalDate firstDay, LocalDate lastDay) {
    }

    private final WorkingDays workingDays;
    private final SettlementRepository settlements;
    private final int length;
    private final Duration override;
    private final Label objectionContact;

    PublicNotice(WorkingDays workingDays, SettlementRepository settlements,
                 @Value("${huiqi.notice.working-days:5}") int length,
                 @Value("${huiqi.notice.duration-override:}") String override,
                 @Value("${huiqi.notice.objection-contact.zh}") String contactZh,
                 @Value("${huiqi.notice.objection-contact.en}") String contactEn) {
        if (length < 1 || length > 60) {
            throw new IllegalStateException("huiqi.notice.working-days must be between 1 and 60 working days, was " + length);
        }
        this.workingDays = workingDays;
        this.settlements = settlements;
        this.length = length;
        this.override = override == null || override.isBlank() ? null : duration(override.strip());
        this.objectionContact = Label.of(contactZh.strip(), contactEn.strip());
    }

    /** Length of the notice in working days. */
    public int workingDays() {
        return length;
    }

    /** Where to object during the notice: the unit that records objections (labelled default, set by staff). */
    public Label objectionContact() {
        return objectionContact;
    }

    /** The notice that starts on {@code startDay}. */
    public Period startingOn(LocalDate startDay) {
        return new Period(workingDays.lastDayOf(startDay, 1), workingDays.lastDayOf(startDay, length));
    }

    /** The notice that starts today (Asia/Shanghai, on the engine's clock). */
    Period startingToday() {
        return startingOn(ClockUtil.getCurrentTime().toInstant().atZone(WorkingDays.CHINA).toLocalDate());
    }

    /** Due date of the notice timer: the end of the settlement's last notice day (or now + the test-only override). */
    public Date endsAt(DelegateExecution execution) {
        if (override != null) {
            return Date.from(ClockUtil.getCurrentTime().toInstant().plus(override));
        }
        Object id = execution.getVariable("settlementId");
        LocalDate lastDay = id == null ? null : settlements.findById(((Number) id).longValue()).map(Settlement::getNoticeLastDay).orElse(null);
        return Date.from(workingDays.endOf(lastDay != null ? lastDay : startingToday().lastDay()));
    }

    /**
     * For instances of the model before working days ({@code timeDuration ${publicNotice.duration}}): the time from now to
     * the end of a notice starting today, as an ISO 8601 duration.
     */
    public String getDuration() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Duration left = override != null ? override : Duration.between(now, workingDays.endOf(startingToday().lastDay()));
        return left.toString();
    }

    private static Duration duration(String value) {
        try {
            return value.startsWith("PT") ? Duration.parse(value) : Duration.ofDays(java.time.Period.parse(value).getDays());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("huiqi.notice.duration-override (test only) must be an ISO 8601 duration such as PT1S or P1D, was '"
                    + value + "'", e);
        }
    }
}
