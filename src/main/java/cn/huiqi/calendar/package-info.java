/**
 * 工作日历 The Chinese working-day clock (docs/working-days.md): statutory rest days and adjusted working weekends
 * as data (tables calendar_day, calendar_notice_year), {@link cn.huiqi.calendar.WorkingDays} for every time limit counted
 * in working days, and its administration (/api/calendar, /calendar.html: only camunda-admin changes days, audited in
 * calendar_change and the security log). It sits in the directory layer because administration needs the caller.
 */
@ApplicationModule(displayName = "工作日历 Working-day calendar", allowedDependencies = { "common", "identity" })
package cn.huiqi.calendar;

import org.springframework.modulith.ApplicationModule;
