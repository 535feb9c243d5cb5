package cn.huiqi.enterprise;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "enterprise")
public class Enterprise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String uscc;
    private String name;
    @Column(name = "locality_unit_id")
    private String localityUnitId;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_phone")
    private String contactPhone;
    /** Set when an officer accepted a pre-standard code that fails the check character. */
    @Column(name = "uscc_override_reason")
    private String usccOverrideReason;
    @Column(name = "created_at")
    private Instant createdAt;
    /** 开户银行 and 对公账号, for the payment list of a disbursement batch */
    @Column(name = "bank_name")
    private String bankName;
    @Column(name = "bank_account")
    private String bankAccount;

    protected Enterprise() {
    }

    public Enterprise(String uscc, String name, String localityUnitId, String contactName, String contactPhone,
                      String usccOverrideReason) {
        this.uscc = uscc;
        this.name = name;
        this.localityUnitId = localityUnitId;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.usccOverrideReason = usccOverrideReason;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getUscc() { return uscc; }
    public String getName() { return name; }
    public String getLocalityUnitId() { return localityUnitId; }
    public String getContactName() { return contactName; }
    public String getContactPhone() { return contactPhone; }
    public String getUsccOverrideReason() { return usccOverrideReason; }
    public Instant getCreatedAt() { return createdAt; }
    public String getBankName() { return bankName; }
    public String getBankAccount() { return bankAccount; }

    public void recordBankAccount(String bankName, String bankAccount) {
        this.bankName = bankName;
        this.bankAccount = bankAccount;
    }
}
