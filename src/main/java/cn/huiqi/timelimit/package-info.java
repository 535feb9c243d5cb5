/**
 * 办理时限 Time limits of steps on the working-day clock (docs/working-days.md): due dates of user tasks, reminders,
 * overdue steps and the lead unit's 督办 items, the 补正 pause and deadline. Notices to people listen to its events.
 */
@ApplicationModule(displayName = "办理时限 Time limits",
        allowedDependencies = { "common", "calendar", "catalogue", "process", "unit", "identity", "enterprise", "casefile", "workflow" })
package cn.huiqi.timelimit;

import org.springframework.modulith.ApplicationModule;
