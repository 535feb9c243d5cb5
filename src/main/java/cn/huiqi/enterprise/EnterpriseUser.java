package cn.huiqi.enterprise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Binds one login to exactly one enterprise. */
@Entity
@Table(name = "enterprise_user")
public class EnterpriseUser {

    @Id
    @Column(name = "user_id")
    private String userId;
    @Column(name = "enterprise_id")
    private Long enterpriseId;

    protected EnterpriseUser() {
    }

    public EnterpriseUser(String userId, Long enterpriseId) {
        this.userId = userId;
        this.enterpriseId = enterpriseId;
    }

    public String getUserId() { return userId; }
    public Long getEnterpriseId() { return enterpriseId; }
}
