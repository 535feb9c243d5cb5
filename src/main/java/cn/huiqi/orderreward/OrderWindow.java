package cn.huiqi.orderreward;

import java.time.LocalDate;

/**
 * 洪府办发〔2023〕81号 第1条 "对2023年7—9月期间签订……订单": the signing window. Submission refuses an order
 * outside it (an enterprise applies once, so a line that can never count must not be locked into its
 * application); the DMN table {@code order-reward} states the same window in its rules, and a test
 * checks that both say the same.
 */
public final class OrderWindow {

    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 7, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2023, 9, 30);

    private OrderWindow() {
    }

    static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }
}
