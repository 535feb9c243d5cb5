/**
 * 申报批次 Application rounds (docs/rounds.md): a measure's rounds with their performance window and application
 * period, the submission gate ({@code casefile.ApplicationPeriods}), the rule versions pinned per round
 * ({@code process.RulePins}), /api/rounds and /rounds.html.
 */
@ApplicationModule(displayName = "申报批次 Application rounds",
        allowedDependencies = { "common", "catalogue", "process", "identity", "casefile" })
package cn.huiqi.round;

import org.springframework.modulith.ApplicationModule;
