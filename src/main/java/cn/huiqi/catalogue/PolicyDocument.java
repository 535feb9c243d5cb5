package cn.huiqi.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.huiqi.common.Label;

/** A policy document (e.g. 洪府办发〔2023〕81号) whose measures the system runs; read only (Flyway writes it). */
@Entity
@Table(name = "policy_document")
public class PolicyDocument {

    @Id
    private String id;
    @Column(name = "doc_number")
    private String docNumber;
    @Column(name = "title_zh")
    private String titleZh;
    @Column(name = "title_en")
    private String titleEn;
    @Column(name = "issuer_zh")
    private String issuerZh;
    @Column(name = "issuer_en")
    private String issuerEn;
    @Column(name = "issued_on")
    private LocalDate issuedOn;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "fund_total")
    private BigDecimal fundTotal;
    @Column(name = "fund_clause")
    private String fundClause;

    protected PolicyDocument() {
    }

    public String getId() { return id; }
    /** 文号, e.g. 洪府办发〔2023〕81号 */
    public String getDocNumber() { return docNumber; }
    public Label title() { return Label.of(titleZh, titleEn); }
    public Label issuer() { return Label.of(issuerZh, issuerEn); }
    public LocalDate getIssuedOn() { return issuedOn; }
    public LocalDate getValidUntil() { return validUntil; }
    /** the fund arranged for the whole package (CNY, two decimals) */
    public BigDecimal getFundTotal() { return fundTotal; }
    /** where the document says so */
    public String getFundClause() { return fundClause; }
}
