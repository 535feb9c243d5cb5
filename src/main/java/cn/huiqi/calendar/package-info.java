/**
 * 工作日历 The Chinese working-day clock (docs/working-days.md): statutory rest days and adjusted working weekends
 * as data (table calendar_day), {@link cn.huiqi.calendar.WorkingDays} for every time limit counted in working days,
 * and the application's clock.
 */
@ApplicationModule(displayName = "工作日历 Working-day calendar", allowedDependencies = { "common" })
package cn.huiqi.calendar;

import org.springframework.modulith.ApplicationModule;
