/**
 * Reward claims: the reward details of a case of a measure that pays (claimed, decided, settled, paid, payee),
 * one per case; the fund ledger and the settlement work on claims, whatever the measure or the applicant.
 */
@ApplicationModule(displayName = "奖补申领 Reward claims",
        allowedDependencies = { "common", "catalogue", "process", "unit", "enterprise", "casefile" })
package cn.huiqi.claim;

import org.springframework.modulith.ApplicationModule;
