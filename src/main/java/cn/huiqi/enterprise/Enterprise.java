package cn.huiqi.enterprise;

import java.time.Instant;

/** One registered enterprise (table enterprise); written once, at registration ({@link EnterpriseRepository#save}). */
public class Enterprise {

    private Long id;
    private String uscc;
    private String name;
    private String localityUnitId;
    private String contactName;
    private String contactPhone;
    /** Set when an officer accepted a pre-standard code that fails the check character. */
    private String usccOverrideReason;
    private Instant createdAt;
    /** 开户银行 and 对公账号, for the payment list of a disbursement batch */
    private String bankName;
    private String bankAccount;

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

    /** A stored row. */
    static Enterprise of(Long id, String uscc, String name, String localityUnitId, String contactName, String contactPhone,
                         String usccOverrideReason, Instant createdAt, String bankName, String bankAccount) {
        Enterprise enterprise = new Enterprise(uscc, name, localityUnitId, contactName, contactPhone, usccOverrideReason);
        enterprise.id = id;
        enterprise.createdAt = createdAt;
        enterprise.bankName = bankName;
        enterprise.bankAccount = bankAccount;
        return enterprise;
    }

    void stored(long id) {
        this.id = id;
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

    /** Before registration only: the register writes the enterprise once and has no update of it. */
    public void recordBankAccount(String bankName, String bankAccount) {
        this.bankName = bankName;
        this.bankAccount = bankAccount;
    }
}
