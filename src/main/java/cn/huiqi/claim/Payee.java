package cn.huiqi.claim;

/**
 * Who a claim is paid to, as the notice list and the payment list show it: name, code (an enterprise's
 * USCC; a locality's unit id) and bank account.
 */
public record Payee(RewardClaim.PayeeKind kind, String name, String code, String bankName, String bankAccount) {
}
