package cn.huiqi.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.springframework.jdbc.core.RowMapper;

/** A row of {@code evidence_file}: an enterprise's file ({@code enterpriseId}), or a locality's ({@code unitId}; enterpriseId 0). */
record EvidenceRow(long id, Long caseId, long enterpriseId, String measure, String kind, Integer orderIndex, String fileName,
                   String mediaType, long size, String sha256, String store, String uploadedBy, Instant uploadedAt,
                   int supplementRound, String unitId, String attachedTo) {

    static final String COLUMNS = "id, case_id, enterprise_id, measure, kind, order_index, file_name, media_type, size_bytes, "
            + "sha256, store, uploaded_by, uploaded_at, supplement_round, unit_id, attached_to";

    static final RowMapper<EvidenceRow> MAPPER = EvidenceRow::read;

    private static EvidenceRow read(ResultSet rs, int n) throws SQLException {
        long caseId = rs.getLong("case_id");
        Long caseOrNull = rs.wasNull() ? null : caseId;
        int order = rs.getInt("order_index");
        Integer orderOrNull = rs.wasNull() ? null : order;
        return new EvidenceRow(rs.getLong("id"), caseOrNull, rs.getLong("enterprise_id"), rs.getString("measure"),
                rs.getString("kind"), orderOrNull, rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("store"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getInt("supplement_round"), rs.getString("unit_id"), rs.getString("attached_to"));
    }
}
