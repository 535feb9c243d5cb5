package cn.huiqi.fund;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * Who may read the fund's figures (default deny): policy staff ({@code policy-admin}), the finance bureau
 * ({@value Groups#FINANCE_BUREAU}), operators ({@code camunda-admin}) and auditors ({@code auditor}). Everyone else,
 * enterprises and localities included, gets 403.
 */
@Component
public class FundAccess {

    public boolean canRead(Caller caller) {
        return caller.isInAny(Groups.POLICY_ADMIN, Groups.FINANCE_BUREAU, Groups.CAMUNDA_ADMIN, Groups.AUDITOR);
    }

    public void requireReader(Caller caller) {
        if (!canRead(caller)) {
            throw new AccessDeniedException(caller.userId() + " may not read the fund");
        }
    }
}
