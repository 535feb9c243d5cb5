package cn.huiqi.orderreward;

import java.text.Normalizer;
import java.util.Locale;

/** The normalised form of a contract number under which it can be claimed once (m1_order.contract_key). */
final class ContractNumbers {

    private ContractNumbers() {
    }

    static String key(String contractNumber) {
        return Normalizer.normalize(contractNumber, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
