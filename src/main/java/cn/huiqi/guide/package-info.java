/**
 * 公开申兑指南与政策计算器 (measure 9, docs/fulfilment.md): each measure's guide generated from the catalogue, the rule
 * version in force ({@code rules.PublishedRules}), the open round, the time limits and the required documents; the
 * policy calculator evaluating figures with the same tables, rule by rule. Public, no login, nothing stored.
 */
@ApplicationModule(displayName = "公开指南与政策计算器 Public guides and policy calculator",
        allowedDependencies = { "common", "catalogue", "process", "unit", "identity", "enterprise", "casefile", "evidence",
                "round", "rules", "timelimit" })
package cn.huiqi.guide;

import org.springframework.modulith.ApplicationModule;
