package cn.huiqi.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * 通报: a round's ranking was circulated to the localities (published in the transaction of the circulation step;
 * {@code cn.huiqi.inbox} tells each locality and the statistics bureau). Carries no figure, score or award.
 *
 * @param reviewLastDay the last day of the 复核 window (it ends at 24:00 Asia/Shanghai of that day)
 * @param localities    the locality units the ranking is circulated to
 */
public record EvaluationCirculated(long roundId, String measure, String roundName, LocalDate reviewLastDay, int reviewWorkingDays,
                                   List<String> localities) {
}
