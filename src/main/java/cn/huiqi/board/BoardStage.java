package cn.huiqi.board;

import cn.huiqi.common.Label;

/** The stages the board times, each a column of {@code board_case} (working days, next day counted first). */
enum BoardStage {
    LOCALITY("locality_days", Label.of("属地核实", "Locality verification")),
    CITY("city_days", Label.of("市级审核", "City review")),
    NOTICE("notice_days", Label.of("公示", "Public notice")),
    PAYMENT("payment_days", Label.of("拨付", "Payment")),
    APPROVAL_TO_PAYMENT("approval_to_payment_days", Label.of("审核通过至拨付", "Approval to payment")),
    END_TO_END("end_to_end_days", Label.of("申请至办结（全程）", "End to end"));

    final String column;
    final Label label;

    BoardStage(String column, Label label) {
        this.column = column;
        this.label = label;
    }

    String key() {
        return switch (this) {
            case LOCALITY -> "locality";
            case CITY -> "city";
            case NOTICE -> "notice";
            case PAYMENT -> "payment";
            case APPROVAL_TO_PAYMENT -> "approvalToPayment";
            case END_TO_END -> "endToEnd";
        };
    }
}
