package cn.huiqi.financing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;

/** Null-safe conversions between the module's rows and its domain classes. */
final class SqlValues {

    private SqlValues() {
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** "?, ?, ?" for an IN list of these values (never empty: callers pass a fixed set of statuses). */
    static String placeholders(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }
}
