package cn.huiqi.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.casefile.CaseOpened;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.CaseVisibility;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.common.PayloadTooLargeException;
import cn.huiqi.common.UnsupportedContentException;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * Evidence files: checked uploads (drafts before a case exists, or to a case awaiting the enterprise's supplement),
 * drafts claimed by an application, the list of a case's files, and authorized, logged downloads. Every refusal is a
 * bilingual 4xx that stores nothing (checks first, then one transaction for the row and its bytes).
 */
@Service
public class EvidenceFiles {

    /** The evidence columns qualified by the alias {@code e} (the send-back count is joined to them). */
    private static final String PREFIXED_COLUMNS = EvidenceRow.COLUMNS.replaceAll("(\\w+)", "e.$1");

    /** Orders of one measure-1 application at most (orderreward); a draft's order line is checked against it. */
    static final int MAX_ORDERS = 10;
    /** The send-backs (补正) of a case: its timeline's actions ending in {@code _SEND_BACK}. */
    private static final String SEND_BACKS = "SELECT COUNT(*) AS send_backs FROM case_event WHERE case_id = ? AND action LIKE '%!_SEND!_BACK' ESCAPE '!'";

    private final JdbcTemplate jdbc;
    private final EvidenceStore store;
    private final TransactionTemplate transaction;
    private final CaseRecordRepository cases;
    private final CaseVisibility visibility;
    private final EnterpriseRegister register;
    private final ObjectMapper json;
    private final Map<String, RequiredDocuments> documents;
    private final long maxSize;
    private final cn.huiqi.unit.UnitRepository units;
    private final cn.huiqi.catalogue.MeasureCatalogue catalogue;
    private final List<LocalityFileReaders> localityReaders;
    private final CaseTimeline timeline;

    public EvidenceFiles(JdbcTemplate jdbc, EvidenceStore store, TransactionTemplate transaction, CaseRecordRepository cases,
                         CaseVisibility visibility, EnterpriseRegister register, ObjectMapper json,
                         List<RequiredDocuments> declared, @Value("${huiqi.evidence.max-size:20MB}") DataSize maxSize,
                         cn.huiqi.unit.UnitRepository units, cn.huiqi.catalogue.MeasureCatalogue catalogue,
                         List<LocalityFileReaders> localityReaders, CaseTimeline timeline) {
        this.timeline = timeline;
        this.units = units;
        this.catalogue = catalogue;
        this.localityReaders = List.copyOf(localityReaders);
        this.jdbc = jdbc;
        this.store = store;
        this.transaction = transaction;
        this.cases = cases;
        this.visibility = visibility;
        this.register = register;
        this.json = json;
        this.documents = declared.stream().collect(Collectors.toUnmodifiableMap(RequiredDocuments::measure, Function.identity()));
        this.maxSize = maxSize.toBytes();
    }

    /** A file as it arrived: the form's fields and the bytes. */
    record Upload(String kind, Integer orderIndex, String fileName, byte[] bytes) {
    }

    /** The documents a measure asks for, or empty when it takes none (measures without applications). */
    public Optional<RequiredDocuments> documentsOf(String measure) {
        return Optional.ofNullable(documents.get(measure));
    }

    long maxSize() {
        return maxSize;
    }

    /** A file uploaded before the application: bound to the enterprise (its own, or the one an agent names) and the measure. */
    EvidenceItem uploadDraft(Caller caller, String measure, Long namedEnterprise, Upload upload) {
        if (!caller.isIn(Groups.ENTERPRISE)) {
            throw new AccessDeniedException("only enterprise users upload evidence");
        }
        long enterpriseId = enterpriseOf(caller, namedEnterprise);
        RequiredDocuments required = documentsOf(measure == null ? "" : measure.strip()).orElseThrow(() -> new InvalidInputException(
                "measure", "该措施不收申报材料", "That measure takes no evidence files"));
        Checked checked = check(required, upload, MAX_ORDERS);
        return item(store(null, enterpriseId, required.measure(), checked, caller.userId(), 0), 0);
    }

    /** A file added to a case: only by the enterprise (or its agent), only while the case awaits its supplement (补正). */
    EvidenceItem uploadToCase(Caller caller, String caseNumber, Upload upload) {
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        if (!caller.isIn(Groups.ENTERPRISE) || caseRecord.getEnterpriseId() == null
                || !register.actsFor(caller.userId(), caseRecord.getEnterpriseId())) {
            throw new AccessDeniedException("case " + caseNumber + ": " + caller.userId() + " does not act for its enterprise");
        }
        if (!caseRecord.is(RewardStatus.SUPPLEMENT_REQUESTED)) {
            throw new ConflictException("caseNumber", "案件已提交，只有在待补正材料期间才能补充上传材料",
                    "The case has been submitted; files can be added only while it awaits your supplement");
        }
        RequiredDocuments required = documentsOf(caseRecord.getMeasure()).orElseThrow(() -> new InvalidInputException(
                "measure", "该措施不收申报材料", "That measure takes no evidence files"));
        Checked checked = check(required, upload, ordersOf(caseRecord));
        int round = sendBacks(caseRecord);
        return item(store(caseRecord.getId(), caseRecord.getEnterpriseId(), caseRecord.getMeasure(), checked, caller.userId(), round), round);
    }

    /** The kind of a locality's file: the evidence of a figure it reports itself (measures 5 and 6). */
    static final DocumentKind LOCALITY_FIGURE = DocumentKind.required("FIGURE_EVIDENCE", "数据证明材料", "Evidence of a figure");

    /**
     * A locality's file, uploaded by a member of the locality for a measure whose applicant is a locality (5, 6): not
     * attached to anything yet (the evaluation attaches it to the self-reported figure, {@link #attachLocalityFile}).
     */
    EvidenceItem uploadForLocality(Caller caller, String unitId, String measure, Upload upload) {
        String unit = unitId == null ? "" : unitId.strip();
        if (unit.isEmpty() || !caller.isIn(unit) || units.findById(unit).filter(u -> u.isLocality()).isEmpty()) {
            throw new AccessDeniedException(caller.userId() + " does not act for the locality " + unit);
        }
        String m = measure == null ? "" : measure.strip();
        if (catalogue.find(m).filter(x -> x.applicant() == ApplicantKind.LOCALITY).isEmpty()) {
            throw new InvalidInputException("measure", "措施 " + m + " 不是对地区的评价", "Measure " + m + " is not a locality evaluation");
        }
        Checked checked = checkFile(LOCALITY_FIGURE, null, upload);
        return item(store(null, 0, unit, m, checked, caller.userId(), 0), 0);
    }

    /**
     * Attaches a locality's file to what it proves ({@code ref}, e.g. {@code evaluation-figure:12}), in the caller's
     * transaction: the file must exist, be the unit's for the measure and not be attached yet; otherwise a 400 on
     * {@code evidenceFileId} (the same text for each reason, so ids cannot be probed).
     */
    public EvidenceItem attachLocalityFile(long fileId, String unitId, String measure, String ref) {
        int attached = jdbc.update("UPDATE evidence_file SET attached_to = ? WHERE id = ? AND unit_id = ? AND measure = ? AND case_id IS NULL"
                + " AND attached_to IS NULL", ref, fileId, unitId, measure);
        if (attached != 1) {
            throw new InvalidInputException("evidenceFileId", "证明材料 " + fileId + " 不存在、已用于其他数据，或不是本地区为本措施上传的文件",
                    "File " + fileId + " does not exist, is attached already, or was not uploaded by this locality for this measure");
        }
        return localityFile(fileId).orElseThrow();
    }

    /** A locality's file as pages show it (name, type, size, who, when, download link); no authorization here. */
    public Optional<EvidenceItem> localityFile(long fileId) {
        return jdbc.query("SELECT " + EvidenceRow.COLUMNS + " FROM evidence_file WHERE id = ? AND unit_id IS NOT NULL", EvidenceRow.MAPPER, fileId)
                .stream().findFirst().map(row -> item(row, 0));
    }

    /** What the caller uploaded as drafts and no application has claimed yet, for the enterprises it acts for. */
    List<EvidenceItem> drafts(Caller caller, String measure) {
        if (!caller.isIn(Groups.ENTERPRISE)) {
            return List.of();
        }
        List<Long> enterprises = register.actedForBy(caller.userId()).stream().map(e -> e.getId()).toList();
        if (enterprises.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", enterprises.stream().map(String::valueOf).toList());
        return jdbc.query("SELECT " + EvidenceRow.COLUMNS + " FROM evidence_file WHERE case_id IS NULL AND enterprise_id IN (" + in
                        + ") AND measure = ? ORDER BY id", EvidenceRow.MAPPER, measure == null ? "" : measure.strip())
                .stream().map(row -> item(row, 0)).toList();
    }

    /** The case's files, oldest first, with the send-back marks; for whoever may read the case (403 otherwise). */
    CaseEvidence listOf(Caller caller, String caseNumber) {
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        if (!visibility.canRead(caller, caseRecord)) {
            throw new AccessDeniedException("case " + caseNumber + " is not visible to " + caller.userId());
        }
        boolean canUpload = caller.isIn(Groups.ENTERPRISE) && caseRecord.is(RewardStatus.SUPPLEMENT_REQUESTED)
                && caseRecord.getEnterpriseId() != null && register.actsFor(caller.userId(), caseRecord.getEnterpriseId());
        List<DocumentKind> kinds = documentsOf(caseRecord.getMeasure()).map(RequiredDocuments::kinds).orElse(List.of());
        List<EvidenceItem> files = ofCase(caseRecord);
        return CaseEvidence.of(caseRecord.getCaseNumber(), kinds, ordersOf(caseRecord), latestSendBack(caseRecord), canUpload, files);
    }

    /** The case's files (for the review forms, {@code review.CaseFigures}): no authorization here, the caller decides. */
    public List<EvidenceItem> ofCase(CaseRecord caseRecord) {
        // one statement: the send-back count (one row) joined to the case's files (none: one row of nulls)
        int[] latest = {0};
        List<EvidenceRow> rows = new java.util.ArrayList<>();
        timeline.writeQueued();
        jdbc.query("SELECT s.send_backs, " + PREFIXED_COLUMNS + " FROM (" + SEND_BACKS + ") s "
                + "LEFT JOIN evidence_file e ON e.case_id = ? ORDER BY e.uploaded_at, e.id", rs -> {
            latest[0] = rs.getInt("send_backs");
            if (rs.getObject("id") != null) {
                rows.add(EvidenceRow.MAPPER.mapRow(rs, rows.size()));
            }
        }, caseRecord.getId(), caseRecord.getId());
        return rows.stream().map(row -> item(row, latest[0])).toList();
    }

    /** The number of the latest send-back (补正) whose uploads were made, 0 when none: files of this round are the "new" ones. */
    public int latestSendBack(CaseRecord caseRecord) {
        return sendBacks(caseRecord);
    }

    /**
     * The application lists drafts ({@link CaseRegistration#EVIDENCE_DRAFTS}): each must exist, be unclaimed, and
     * belong to the case's enterprise and measure; otherwise the whole application is refused (the same answer for
     * each reason, so ids cannot be probed). Runs in the transaction that opens the case.
     */
    @EventListener
    void claim(CaseOpened opened) {
        CaseRecord caseRecord = opened.caseRecord();
        for (Long id : opened.evidenceDrafts()) {
            int claimed = caseRecord.getEnterpriseId() == null ? 0 : jdbc.update(
                    "UPDATE evidence_file SET case_id = ? WHERE id = ? AND case_id IS NULL AND enterprise_id = ? AND measure = ?",
                    caseRecord.getId(), id, caseRecord.getEnterpriseId(), caseRecord.getMeasure());
            if (claimed != 1) {
                throw new InvalidInputException(CaseRegistration.EVIDENCE_DRAFTS,
                        "材料 " + id + " 不存在、已用于其他申请，或不是本企业为本措施上传的材料",
                        "File " + id + " does not exist, belongs to another application, or was not uploaded by this enterprise for this measure");
            }
        }
    }

    /**
     * A download: the row when the caller may read it, else 404 (no such file) or 403 (the rule: another
     * enterprise, an unrelated unit); every attempt logged in {@code evidence_access}, refused ones too.
     */
    EvidenceRow openForDownload(Caller caller, long id) {
        List<EvidenceRow> rows = jdbc.query("SELECT " + EvidenceRow.COLUMNS + " FROM evidence_file WHERE id = ?", EvidenceRow.MAPPER, id);
        if (rows.isEmpty()) {
            log(id, caller, "NOT_FOUND");
            throw new NotFoundException("id", "材料 " + id + " 不存在", "File " + id + " does not exist");
        }
        EvidenceRow row = rows.get(0);
        if (!mayRead(caller, row)) {
            log(id, caller, "FORBIDDEN");
            throw new AccessDeniedException("evidence " + id + " is not visible to " + caller.userId());
        }
        if (!row.store().equals(store.name())) {
            throw new IllegalStateException("evidence " + id + " is in store " + row.store() + ", this node uses " + store.name());
        }
        log(id, caller, "SERVED");
        return row;
    }

    private boolean mayRead(Caller caller, EvidenceRow row) {
        if (row.unitId() != null) {
            return caller.isIn(row.unitId()) || caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)
                    || localityReaders.stream().anyMatch(r -> r.mayRead(caller, row.unitId(), row.measure(), row.attachedTo()));
        }
        if (row.caseId() == null) {
            return caller.isInAny(Groups.CAMUNDA_ADMIN, Groups.POLICY_ADMIN, Groups.AUDITOR)
                    || (caller.isIn(Groups.ENTERPRISE) && register.actsFor(caller.userId(), row.enterpriseId()));
        }
        return cases.findById(row.caseId()).map(c -> visibility.canRead(caller, c)).orElse(false);
    }

    private void log(long fileId, Caller caller, String outcome) {
        jdbc.update("INSERT INTO evidence_access (file_id, user_id, accessed_at, outcome) VALUES (?, ?, ?, ?)",
                fileId, caller.userId(), Timestamp.from(Instant.now()), outcome);
    }

    private long enterpriseOf(Caller caller, Long named) {
        if (named == null) {
            return register.ownEnterpriseOf(caller.userId()).orElseThrow(() -> new InvalidInputException("enterpriseId",
                    "账号未绑定企业；经办人须在 enterpriseId 中指明代为上传的企业",
                    "The account is not bound to an enterprise; an agent must name the enterprise in enterpriseId"));
        }
        if (!register.actsFor(caller.userId(), named)) {
            throw new AccessDeniedException(caller.userId() + " does not act for enterprise " + named);
        }
        return named;
    }

    private record Checked(DocumentKind kind, Integer orderIndex, String fileName, ContentType type, byte[] bytes, String sha256) {
    }

    private Checked check(RequiredDocuments required, Upload upload, int orders) {
        DocumentKind kind = required.kind(upload.kind() == null ? "" : upload.kind().strip()).orElseThrow(() -> new InvalidInputException(
                "kind", "材料类别不对，应为：" + required.kinds().stream().map(k -> k.code() + "（" + k.label().zh() + "）").collect(Collectors.joining("、")),
                "Unknown kind of document; expected one of " + required.kinds().stream().map(DocumentKind::code).collect(Collectors.joining(", "))));
        Integer order = upload.orderIndex();
        if (kind.perOrder() && (order == null || order < 1 || order > Math.max(1, orders))) {
            throw new InvalidInputException("orderIndex", "请指明该材料所属的订单（第1至" + Math.max(1, orders) + "笔）",
                    "Name the order the file belongs to (1 to " + Math.max(1, orders) + ")");
        }
        if (!kind.perOrder() && order != null) {
            throw new InvalidInputException("orderIndex", "“" + kind.label().zh() + "”不按订单分列，请不要填写订单序号",
                    "“" + kind.label().en() + "” is not per order; leave orderIndex out");
        }
        return checkFile(kind, order, upload);
    }

    private Checked checkFile(DocumentKind kind, Integer order, Upload upload) {
        String name = FileNames.forDisplay(upload.fileName());
        byte[] bytes = upload.bytes();
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "文件是空的", "The file is empty");
        }
        if (bytes.length > maxSize) {
            throw tooLarge();
        }
        ContentType type = ContentType.of(bytes).orElseThrow(() -> new UnsupportedContentException("file",
                "只接受 PDF、OFD、JPG、PNG 文件（按文件内容判断，与文件名无关）",
                "Only PDF, OFD, JPG and PNG files are accepted (judged by the content, not the name)"));
        return new Checked(kind, order, name, type, bytes, sha256(bytes));
    }

    PayloadTooLargeException tooLarge() {
        String limit = DataSize.ofBytes(maxSize).toMegabytes() + " MB";
        return new PayloadTooLargeException("file", "文件超过 " + limit + " 的上限", "The file is larger than the limit of " + limit);
    }

    private EvidenceRow store(Long caseId, long enterpriseId, String measure, Checked checked, String userId, int round) {
        return store(caseId, enterpriseId, null, measure, checked, userId, round);
    }

    /** enterpriseId 0 with a unitId: a locality's file. */
    private EvidenceRow store(Long caseId, long enterpriseId, String unitId, String measure, Checked checked, String userId, int round) {
        return transaction.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            Instant now = Instant.now();
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("INSERT INTO evidence_file (case_id, enterprise_id, measure, kind, "
                        + "order_index, file_name, media_type, size_bytes, sha256, store, uploaded_by, uploaded_at, supplement_round, unit_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                if (caseId == null) {
                    insert.setNull(1, Types.BIGINT);
                } else {
                    insert.setLong(1, caseId);
                }
                if (unitId != null) {
                    insert.setNull(2, Types.BIGINT);
                } else {
                    insert.setLong(2, enterpriseId);
                }
                insert.setString(3, measure);
                insert.setString(4, checked.kind().code());
                if (checked.orderIndex() == null) {
                    insert.setNull(5, Types.INTEGER);
                } else {
                    insert.setInt(5, checked.orderIndex());
                }
                insert.setString(6, checked.fileName());
                insert.setString(7, checked.type().mediaType);
                insert.setLong(8, checked.bytes().length);
                insert.setString(9, checked.sha256());
                insert.setString(10, store.name());
                insert.setString(11, userId);
                insert.setTimestamp(12, Timestamp.from(now));
                insert.setInt(13, round);
                insert.setString(14, unitId);
                return insert;
            }, key);
            long id = generatedId(key);
            try {
                store.write(id, checked.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new EvidenceRow(id, caseId, enterpriseId, measure, checked.kind().code(), checked.orderIndex(), checked.fileName(),
                    checked.type().mediaType, checked.bytes().length, checked.sha256(), store.name(), userId, now, round, unitId, null);
        });
    }

    /** MariaDB answers GENERATED_KEY (or insert_id), H2 the column; either way the one number, or the one named id. */
    private static long generatedId(GeneratedKeyHolder key) {
        Map<String, Object> keys = key.getKeyList().get(0);
        Object id = keys.size() == 1 ? keys.values().iterator().next()
                : keys.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id")).map(Map.Entry::getValue).findFirst().orElseThrow();
        return ((Number) id).longValue();
    }

    private int ordersOf(CaseRecord caseRecord) {
        try {
            return json.readTree(caseRecord.getApplicationJson()).path("orders").size();
        } catch (IOException e) {
            return 0;
        }
    }

    private int sendBacks(CaseRecord caseRecord) {
        timeline.writeQueued();
        return jdbc.queryForObject(SEND_BACKS, Integer.class, caseRecord.getId());
    }

    private EvidenceItem item(EvidenceRow row, int latestSendBack) {
        Optional<DocumentKind> kind = LOCALITY_FIGURE.code().equals(row.kind()) && row.unitId() != null ? Optional.of(LOCALITY_FIGURE)
                : documentsOf(row.measure()).flatMap(d -> d.kind(row.kind()));
        return new EvidenceItem(row.id(), row.kind(), kind.map(k -> k.label().zh()).orElse(row.kind()),
                kind.map(k -> k.label().en()).orElse(row.kind()), row.orderIndex(), row.fileName(), row.mediaType(),
                ContentType.ofMediaType(row.mediaType()).map(t -> t.shortName).orElse(row.mediaType()), row.size(), row.sha256(),
                row.uploadedBy(), row.uploadedAt(), row.supplementRound(),
                row.supplementRound() > 0 && row.supplementRound() == latestSendBack, "/api/evidence/" + row.id());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
