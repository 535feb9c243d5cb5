package cn.huiqi.settlement;

import static cn.huiqi.common.SqlValues.date;
import static cn.huiqi.common.SqlValues.instant;
import static cn.huiqi.common.SqlValues.timestamp;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.huiqi.common.ListPaging;
import cn.huiqi.fund.SettlementRule;

/** Table settlement (V5, V16). A settlement's figures are written once; its status and notice dates by {@link #update}. */
@Repository
public class SettlementRepository {

    private static final String COLUMNS = "id, measure, rule_name, available, asked, granted, remainder, scaled, status, "
            + "process_instance_id, started_by, settled_at, notice_ended_at, closed_at, notice_first_day, notice_last_day";

    /** The list's sort keys ({@code SettlementController}) and their columns; ties break on the id. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("settledAt", "settled_at", "id", "id", "measure", "measure",
            "status", "status");

    private final JdbcTemplate jdbc;

    SettlementRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new settlement and gives it its id. */
    Settlement insert(Settlement s) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO settlement (measure, rule_name, available, asked, "
                    + "granted, remainder, scaled, status, process_instance_id, started_by, settled_at, notice_ended_at, closed_at, "
                    + "notice_first_day, notice_last_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, s.getMeasure());
            insert.setString(2, s.getRule().name());
            insert.setBigDecimal(3, s.getAvailable());
            insert.setBigDecimal(4, s.getAsked());
            insert.setBigDecimal(5, s.getGranted());
            insert.setBigDecimal(6, s.getRemainder());
            insert.setBoolean(7, s.isScaled());
            insert.setString(8, s.getStatus().name());
            insert.setString(9, s.getProcessInstanceId());
            insert.setString(10, s.getStartedBy());
            insert.setTimestamp(11, timestamp(s.getSettledAt()));
            insert.setTimestamp(12, timestamp(s.getNoticeEndedAt()));
            insert.setTimestamp(13, timestamp(s.getClosedAt()));
            insert.setDate(14, date(s.getNoticeFirstDay()));
            insert.setDate(15, date(s.getNoticeLastDay()));
            return insert;
        }, key);
        s.assignId(key.getKey().longValue());
        return s;
    }

    /** Writes what moves after the insert: the status, the notice days, when the notice ended and when it closed. */
    void update(Settlement s) {
        jdbc.update("UPDATE settlement SET status = ?, notice_first_day = ?, notice_last_day = ?, notice_ended_at = ?, closed_at = ? "
                + "WHERE id = ?", ps -> {
                    ps.setString(1, s.getStatus().name());
                    ps.setDate(2, date(s.getNoticeFirstDay()));
                    ps.setDate(3, date(s.getNoticeLastDay()));
                    ps.setTimestamp(4, timestamp(s.getNoticeEndedAt()));
                    ps.setTimestamp(5, timestamp(s.getClosedAt()));
                    ps.setLong(6, s.getId());
                });
    }

    public Optional<Settlement> findById(long id) {
        return first("SELECT " + COLUMNS + " FROM settlement WHERE id = ?", id);
    }

    /** The row locked until the transaction ends (SELECT … FOR UPDATE): one payment confirmation at a time per batch. */
    Optional<Settlement> lockById(long id) {
        return first("SELECT " + COLUMNS + " FROM settlement WHERE id = ? FOR UPDATE", id);
    }

    public Optional<Settlement> findByProcessInstanceId(String processInstanceId) {
        return first("SELECT " + COLUMNS + " FROM settlement WHERE process_instance_id = ?", processInstanceId);
    }

    public Optional<Settlement> findFirstByMeasureAndStatusOrderByIdDesc(String measure, Settlement.Status status) {
        return first("SELECT " + COLUMNS + " FROM settlement WHERE measure = ? AND status = ? ORDER BY id DESC LIMIT 1",
                measure, status.name());
    }

    Optional<Settlement> findFirstByMeasureOrderByIdDesc(String measure) {
        return first("SELECT " + COLUMNS + " FROM settlement WHERE measure = ? ORDER BY id DESC LIMIT 1", measure);
    }

    List<Settlement> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM settlement ORDER BY id", SettlementRepository::row);
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Long.class);
    }

    /** A page of settlements, optionally of one measure and/or in one status (GET /api/settlements), and how many match. */
    ListPaging.Page<Settlement> page(String measure, Settlement.Status status, ListPaging paging) {
        List<String> and = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (measure != null) {
            and.add("measure = ?");
            args.add(measure);
        }
        if (status != null) {
            and.add("status = ?");
            args.add(status.name());
        }
        String where = " FROM settlement" + (and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and));
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        if (paging.beyond(total)) {
            return paging.page(List.of(), total);
        }
        return paging.page(jdbc.query("SELECT " + COLUMNS + where + " ORDER BY " + SORT_COLUMNS.get(paging.sort()) + paging.direction()
                + ", id" + paging.direction() + paging.limitOffset(), SettlementRepository::row, args.toArray()), total);
    }

    private Optional<Settlement> first(String sql, Object... args) {
        return jdbc.query(sql, SettlementRepository::row, args).stream().findFirst();
    }

    private static Settlement row(ResultSet rs, int n) throws SQLException {
        return new Settlement(rs.getLong("id"), rs.getString("measure"), SettlementRule.valueOf(rs.getString("rule_name")),
                rs.getBigDecimal("available"), rs.getBigDecimal("asked"), rs.getBigDecimal("granted"), rs.getBigDecimal("remainder"),
                rs.getBoolean("scaled"), Settlement.Status.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
                rs.getString("started_by"), instant(rs, "settled_at"), instant(rs, "notice_ended_at"), instant(rs, "closed_at"),
                rs.getObject("notice_first_day", LocalDate.class), rs.getObject("notice_last_day", LocalDate.class));
    }

}
