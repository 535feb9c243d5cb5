package cn.huiqi.calendar;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The working-day calendar's API (/calendar.html); the counting rule and the administration in docs/working-days.md. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历 Working-day calendar", description = "法定节假日与调休上班日 / Statutory rest days and adjusted working days")
class CalendarController {

    private final CalendarDays days;

    CalendarController(CalendarDays days) {
        this.days = days;
    }

    @GetMapping
    @Operation(summary = "本年的例外日 / This year's days that differ from Monday-Friday (signed-in users)")
    CalendarApi.YearView thisYear() {
        return days.year(days.thisYear());
    }

    @GetMapping("/{year}")
    @Operation(summary = "某年的例外日、通知是否已录入 / A year's days that differ from Monday-Friday, and whether its notice is loaded (signed-in users)")
    CalendarApi.YearView year(@PathVariable int year) {
        return days.year(year);
    }

    @PutMapping("/days/{date}")
    @Operation(summary = "设定一天为休息日或调休上班日（留痕）/ Make a day a rest day or an adjusted working day, audited (camunda-admin)")
    CalendarApi.DayView set(@PathVariable String date, @RequestBody CalendarApi.DayRequest request) {
        return days.set(date, request);
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除例外日，恢复周一至周五上班（留痕）/ Remove a day's exception, audited (camunda-admin)")
    void remove(@PathVariable String date) {
        days.remove(date);
    }

    @PostMapping("/{year}/notice")
    @Operation(summary = "导入一年的放假通知（整体成功或整体拒绝，留痕）/ Import a year's notice: all rows or none, audited (camunda-admin)")
    CalendarApi.ImportResult importNotice(@PathVariable int year, @RequestBody CalendarApi.NoticeRequest request) {
        return days.importNotice(year, request);
    }
}
