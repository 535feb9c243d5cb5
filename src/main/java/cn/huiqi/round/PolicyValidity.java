package cn.huiqi.round;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import cn.huiqi.catalogue.PolicyDocuments;

/**
 * Until when a policy document is in force: a round's performance window may not extend beyond it.
 * TODO(lead): read the validity from the catalogue's policy_document table (V10) once it is on main.
 */
final class PolicyValidity {

    /** 洪府办发〔2023〕81号: 本措施有效期截止 2023 年 12 月 31 日 (MEASURES.md) */
    private static final Map<String, LocalDate> VALID_TO = Map.of(PolicyDocuments.NANCHANG_2023_81, LocalDate.of(2023, 12, 31));

    private PolicyValidity() {
    }

    static Optional<LocalDate> validTo(String policyId) {
        return Optional.ofNullable(VALID_TO.get(policyId));
    }
}
