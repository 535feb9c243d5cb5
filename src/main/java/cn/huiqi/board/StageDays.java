package cn.huiqi.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The working days one stage took over a set of cases: how many cases, the median (the middle value, or the mean of the
 * two middle values, to one decimal, half-up) and the 90th percentile (nearest rank: the smallest value at or above
 * which lie 90 % of the cases). Null figures when no case passed the stage.
 */
record StageDays(int cases, BigDecimal median, Integer p90) {

    static StageDays of(List<Integer> values) {
        if (values.isEmpty()) {
            return new StageDays(0, null, null);
        }
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2)).setScale(1)
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        int rank = (int) Math.ceil(0.9 * n);
        return new StageDays(n, median, sorted.get(rank - 1));
    }
}
