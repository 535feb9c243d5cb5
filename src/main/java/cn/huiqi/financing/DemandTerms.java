package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the enterprise asks for, checked ({@link DemandFields}): amount in 元 (to the fen), term, purpose, guarantee kind
 * and, for 订单融资 only, either one of its own measure 1 cases or the order entered (buyer, amount, due date).
 */
record DemandTerms(BigDecimal amount, int termMonths, String purpose, GuaranteeKind guaranteeKind, Long orderCaseId,
                   String orderBuyer, BigDecimal orderAmount, LocalDate orderDueOn) {
}
