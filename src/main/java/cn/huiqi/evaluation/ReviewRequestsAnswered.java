package cn.huiqi.evaluation;

import java.util.List;

/**
 * gxj answered the open 复核 requests of a round (published in the transaction of the task "处理复核申请";
 * {@code cn.huiqi.inbox} tells each requesting locality). Carries no figure and not gxj's free text: the answer is read
 * on the page, where the locality sees its own requests.
 *
 * @param units     the localities whose requests were answered (each once)
 * @param corrected true when gxj corrected figures and the round is scored again, false when the ranking is kept
 */
public record ReviewRequestsAnswered(long roundId, String measure, String roundName, List<String> units, boolean corrected) {
}
