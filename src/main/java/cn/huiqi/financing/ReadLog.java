package cn.huiqi.financing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One read of a demand by an institution's user: which institution, who, what, when. The enterprise reads these. */
@Entity
@Table(name = "financing_read_log")
class ReadLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    private String institution;
    @Column(name = "user_id")
    private String userId;
    private String what;
    @Column(name = "read_at")
    private Instant readAt;

    protected ReadLog() {
    }

    ReadLog(long caseId, String institution, String userId, String what, Instant readAt) {
        this.caseId = caseId;
        this.institution = institution;
        this.userId = userId;
        this.what = what;
        this.readAt = readAt;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getInstitution() { return institution; }
    String getUserId() { return userId; }
    String getWhat() { return what; }
    Instant getReadAt() { return readAt; }
}
