package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiqi.common.Money;

/**
 * The inputs of DMN {@code order-reward} from a case's orders: only those that count ({@link M1Order#counts()}).
 * How they make a tier (largest single order or total) is the table's business, not this class's.
 */
record CountedOrders(int count, BigDecimal largest, BigDecimal total, LocalDate earliest, LocalDate latest) {

    static CountedOrders of(List<M1Order> orders) {
        List<M1Order> counted = orders.stream().filter(M1Order::counts).toList();
        BigDecimal largest = counted.stream().map(M1Order::getAmount).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        BigDecimal total = counted.stream().map(M1Order::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CountedOrders(counted.size(), Money.fen(largest), Money.fen(total),
                counted.stream().map(M1Order::getSigningDate).min(Comparator.naturalOrder()).orElse(null),
                counted.stream().map(M1Order::getSigningDate).max(Comparator.naturalOrder()).orElse(null));
    }

    /** Variable names as the table reads them; dates as ISO strings (the table applies date()), null without orders. */
    Map<String, Object> asDecisionInputs() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("largestOrderAmount", largest);
        inputs.put("totalOrderAmount", total);
        inputs.put("earliestSigningDate", earliest == null ? null : earliest.toString());
        inputs.put("latestSigningDate", latest == null ? null : latest.toString());
        inputs.put("orderCount", count);
        return inputs;
    }

    String describe() {
        return count + " 笔订单，最大单笔 " + Money.format(largest) + " 元，合计 " + Money.format(total) + " 元 / "
                + count + " orders, largest CNY " + Money.format(largest) + ", total CNY " + Money.format(total);
    }
}
