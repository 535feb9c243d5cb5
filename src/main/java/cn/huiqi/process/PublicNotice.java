package cn.huiqi.process;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public notice period (公示期) of a settlement, read by the notice timer of fund-settlement. */
@Component("publicNotice")
public class PublicNotice {

    private final String duration;

    public PublicNotice(@Value("${huiqi.notice-duration:P5D}") String duration) {
        this.duration = requireIsoDuration(duration.strip());
    }

    /** ISO 8601 duration, e.g. P5D; the BPMN timer reads {@code ${publicNotice.duration}}. */
    public String getDuration() {
        return duration;
    }

    private static String requireIsoDuration(String value) {
        try {
            if (value.contains("T")) {
                Duration.parse(value);
            } else {
                Period.parse(value);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("huiqi.notice-duration must be an ISO 8601 duration such as P5D or PT1H, was '"
                    + value + "'", e);
        }
    }
}
