package cn.huiqi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.claim.V14__Case_core_and_reward_claims;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.orderreward.V13__M1_orders_per_enterprise;
import cn.huiqi.process.V0_1__Camunda_engine_schema;

/**
 * The working-day clock on real dates (docs/working-days.md), over the calendar as Flyway loads it (V15, V16) from the
 * State Council's notices of 2023-2026 ({@code ../shared/policy/cn-working-calendar-2023-2026.csv}, copied to the test
 * resources' calendar/).
 */
abstract class WorkingDaysOnRealDatesTestBase {

    /**
     * The State Council's notices as the policy folder gives them (../shared/policy/cn-working-calendar-2023-2026.csv),
     * copied into the test resources so a fresh clone has it; the copy must equal the original where both exist.
     */
    static Path csv() {
        try {
            Path copy = Path.of(WorkingDaysOnRealDatesTestBase.class.getResource("/calendar/cn-working-calendar-2023-2026.csv").toURI());
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path original = dir.resolve("shared/policy/cn-working-calendar-2023-2026.csv");
                if (Files.exists(original)) {
                    assertThat(Files.readAllLines(copy, StandardCharsets.UTF_8)).as("the test copy of " + original)
                            .isEqualTo(Files.readAllLines(original, StandardCharsets.UTF_8));
                    break;
                }
            }
            return copy;
        } catch (java.net.URISyntaxException | IOException e) {
            throw new AssertionError("the calendar CSV is not in the test resources (calendar/)", e);
        }
    }

    abstract JdbcTemplate jdbc();

    static JdbcTemplate migrated(DataSource dataSource, String tableOptions) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V0_1__Camunda_engine_schema(), new V13__M1_orders_per_enterprise(), new V14__Case_core_and_reward_claims())
                .placeholders(Map.of("tableOptions", tableOptions)).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private CalendarWorkingDays days;

    WorkingDays days() {
        if (days == null) {
            days = new CalendarWorkingDays(jdbc());
        }
        return days;
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theIssuesExampleFiveWorkingDaysFromThursday20230928EndOnWednesday20231011() {
        assertThat(days().lastDayOf(d("2023-09-28"), 5)).isEqualTo(d("2023-10-11"));
        assertThat(days().deadline(Instant.parse("2023-09-28T02:00:00Z"), 5)).isEqualTo(Instant.parse("2023-10-11T16:00:00Z"));
        assertThat(days().workingDaysBetween(d("2023-09-28"), d("2023-10-11"))).isEqualTo(5);
        assertThat(days().workingDaysBetween(d("2023-09-28"), d("2023-10-10"))).isEqualTo(4);
    }

    @Test
    void theWhole2023NationalDayWeek() {
        for (LocalDate day = d("2023-09-29"); !day.isAfter(d("2023-10-06")); day = day.plusDays(1)) {
            assertThat(days().isWorkingDay(day)).as(day + " 中秋节、国庆节").isFalse();
        }
        assertThat(days().isWorkingDay(d("2023-09-28"))).isTrue();
        assertThat(days().isWorkingDay(d("2023-10-07"))).as("Saturday 2023-10-07, 调休上班").isTrue();
        assertThat(days().isWorkingDay(d("2023-10-08"))).as("Sunday 2023-10-08, 调休上班").isTrue();
        assertThat(days().isWorkingDay(d("2023-10-09"))).isTrue();
        assertThat(days().workingDayOnOrAfter(d("2023-09-29"))).isEqualTo(d("2023-10-07"));
        // no working day between Thursday 09-28 and the end of Friday 10-06
        assertThat(days().workingDaysBetween(d("2023-09-28"), d("2023-10-06"))).isZero();
        assertThat(days().lastDayOf(d("2023-09-28"), 1)).isEqualTo(d("2023-10-07"));
        assertThat(days().lastDayOf(d("2023-09-28"), 2)).isEqualTo(d("2023-10-08"));
    }

    @Test
    void the2024SpringFestival() {
        // 国务院办公厅 2023-10-25 通知: 2月10日至17日放假调休，共8天；2月4日（星期日）、2月18日（星期日）上班
        for (LocalDate day = d("2024-02-10"); !day.isAfter(d("2024-02-17")); day = day.plusDays(1)) {
            assertThat(days().isWorkingDay(day)).as(day + " 春节").isFalse();
        }
        assertThat(days().isWorkingDay(d("2024-02-04"))).as("Sunday 2024-02-04, 调休上班").isTrue();
        assertThat(days().isWorkingDay(d("2024-02-18"))).as("Sunday 2024-02-18, 调休上班").isTrue();
        assertThat(days().isWorkingDay(d("2024-02-03"))).as("an ordinary Saturday").isFalse();
        // Friday 02-09 (除夕前一日, a working day) + 5: 02-18, 19, 20, 21, 22
        assertThat(days().lastDayOf(d("2024-02-09"), 5)).isEqualTo(d("2024-02-22"));
        assertThat(days().lastDayOf(d("2024-02-02"), 1)).as("Friday 02-02 + 1 is Sunday 02-04").isEqualTo(d("2024-02-04"));
    }

    @Test
    void anAdjustedWorkingSaturdayCounts() {
        assertThat(d("2023-05-06").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(days().isWorkingDay(d("2023-05-06"))).isTrue();
        assertThat(days().lastDayOf(d("2023-05-05"), 1)).as("Friday 05-05 + 1 is the working Saturday").isEqualTo(d("2023-05-06"));
        assertThat(days().lastDayOf(d("2023-04-21"), 1)).as("Friday 04-21 + 1 is the working Sunday 04-23").isEqualTo(d("2023-04-23"));
        assertThat(days().lastDayOf(d("2023-10-06"), 1)).as("10-06 is a rest day: taken as Saturday 10-07, + 1 is Sunday 10-08")
                .isEqualTo(d("2023-10-08"));
        assertThat(days().workingDaysBetween(d("2023-05-05"), d("2023-05-07"))).isEqualTo(1);
    }

    @Test
    void anEventOnARestDayCountsFromTheNextWorkingDay() {
        // the system's reading: an event on a rest day is taken as on the next working day, the period starts after it
        assertThat(days().lastDayOf(d("2023-10-01"), 1)).as("event on 10-01 = on Saturday 10-07; first day Sunday 10-08")
                .isEqualTo(d("2023-10-08"));
        assertThat(days().lastDayOf(d("2023-09-16"), 1)).as("Saturday 09-16 = Monday 09-18; first day 09-19").isEqualTo(d("2023-09-19"));
        assertThat(days().lastDayOf(d("2023-09-16"), 0)).isEqualTo(d("2023-09-18"));
        assertThat(days().workingDaysBetween(d("2023-09-16"), d("2023-09-18"))).isZero();
        assertThat(days().workingDaysBetween(d("2023-09-16"), d("2023-09-19"))).isEqualTo(1);
        // an event at 00:00 of Friday 09-29 (Shanghai) is on a rest day: counted from Saturday 10-07, 5 days end Thursday 10-12
        assertThat(days().deadline(Instant.parse("2023-09-28T16:00:00Z"), 5)).isEqualTo(Instant.parse("2023-10-12T16:00:00Z"));
        assertThat(days().deadline(Instant.parse("2023-09-28T15:59:59Z"), 5)).isEqualTo(Instant.parse("2023-10-11T16:00:00Z"));
    }

    @Test
    void workingDaysBetweenAgreesWithLastDayOfForEveryDayOf2023To2026() {
        int checked = 0;
        for (LocalDate event = d("2023-01-01"); !event.isAfter(d("2026-12-31")); event = event.plusDays(1)) {
            for (int n = 0; n <= 30; n++) {
                LocalDate last = days().lastDayOf(event, n);
                assertThat(days().workingDaysBetween(event, last)).as("event %s, n %d, last %s", event, n, last).isEqualTo(n);
                if (n > 0) {
                    assertThat(days().isWorkingDay(last)).as("the last day of a period is a working day (第203条)").isTrue();
                    assertThat(days().workingDaysBetween(event, last.minusDays(1))).as("event %s, n %d", event, n).isEqualTo(n - 1);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1461 * 31);
    }

    @Test
    void aPeriodEndsAt2400AsiaShanghaiOfItsLastDay() {
        assertThat(days().endOf(d("2023-10-11"))).isEqualTo(Instant.parse("2023-10-11T16:00:00Z"));
        assertThat(days().endOf(d("2024-02-22")).atZone(WorkingDays.CHINA).toLocalDateTime().toString()).isEqualTo("2024-02-23T00:00");
    }

    @Test
    void aYearWithoutItsNoticeCountsWeekendsOnlyAndSaysSo() {
        for (int year = 2023; year <= 2026; year++) {
            assertThat(days().hasNotice(year)).as("notice of " + year).isTrue();
        }
        assertThat(days().hasNotice(2027)).isFalse();
        assertThat(days().isWorkingDay(d("2027-01-01"))).as("元旦 2027 is not loaded: Friday counts as a working day").isTrue();
        assertThat(days().isWorkingDay(d("2027-01-02"))).isFalse();
        assertThat(days().lastDayOf(d("2026-12-31"), 2)).isEqualTo(d("2027-01-04"));
    }

    @Test
    void theTableIsThePublishedNoticesAndObeysTheRulesAnAdministratorsChangeMust() throws IOException {
        List<String> lines = Files.readAllLines(csv(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("date,weekday,kind,occasion,source");
        Map<LocalDate, String> csv = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            csv.put(d(c[0]), c[2] + "|" + c[3] + "|" + c[4]);
            FieldChecks one = new FieldChecks();
            if (DayRules.check(one, "", c[0], c[1], c[2], c[3], c[4]) == null) {
                refused.add(line);
            }
        }
        assertThat(refused).as("rows of the published notices that the administration would refuse").isEmpty();
        Map<LocalDate, String> table = new HashMap<>();
        jdbc().query("SELECT calendar_date, kind, occasion, source FROM calendar_day WHERE updated_by = 'flyway'", rs -> {
            table.put(rs.getDate("calendar_date").toLocalDate(), rs.getString("kind") + "|" + rs.getString("occasion") + "|" + rs.getString("source"));
        });
        assertThat(table).isEqualTo(csv);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM calendar_day WHERE notice_year = 2024 AND calendar_date < DATE '2024-01-01'", Integer.class))
                .as("2023-12-30/31 belong to the notice for 2024").isEqualTo(2);
    }
}
