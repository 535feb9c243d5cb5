package cn.huiqi.timelimit;

import java.time.Instant;

/** A 督办 item: {@code subject} is the case number (or the settlement, for a step of no single case). */
public record SupervisionItem(long id, String subject, String measure, String step, String stepName, String unit, String leadUnit,
                              Instant due, Instant openedAt, Instant closedAt) {
}
