package cn.huiqi.timelimit;

import java.time.LocalDate;

/** The enterprise's supplement (补正) deadline is near: {@code lastDay} is its last working day (published once). */
public record SupplementDeadlineNear(long caseId, LocalDate lastDay) {
}
