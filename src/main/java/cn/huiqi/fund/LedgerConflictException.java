package cn.huiqi.fund;

import cn.huiqi.common.ConflictException;

/**
 * A ledger operation the case's money does not allow in its current state (commit without a reservation,
 * release after commit, a second payment under another reference, ...). Nothing was written. The API
 * answers 409 with the bilingual text.
 */
public class LedgerConflictException extends ConflictException {

    public LedgerConflictException(String zh, String en) {
        super("caseId", zh, en);
    }
}
