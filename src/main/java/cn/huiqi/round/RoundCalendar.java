package cn.huiqi.round;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldChecks;

/**
 * Today in Asia/Shanghai, from the application's {@link Clock} bean (tests set "today" by replacing
 * {@link #today()}), and the dates of rounds as people read them.
 */
@Component
public class RoundCalendar {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Configuration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        Clock clock() {
            return Clock.system(CHINA);
        }
    }

    private final Clock clock;

    RoundCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** "2023年10月8日" */
    static String zh(LocalDate date) {
        return ZH.format(date);
    }

    /** A required date written YYYY-MM-DD, or null with the problem added to checks. */
    static LocalDate date(FieldChecks checks, String field, String raw, String labelZh, String labelEn) {
        String text = checks.requiredText(field, raw, labelZh, labelEn, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            checks.add(field, labelZh + "格式应为 YYYY-MM-DD", labelEn + " must be written YYYY-MM-DD");
            return null;
        }
    }
}
