package cn.huiqi.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.huiqi.common.Label;

/** A policy document (e.g. 洪府办发〔2023〕81号) whose measures the system runs; read only (Flyway writes it). */
public class PolicyDocument {

    private final String id;
    private final String docNumber;
    private final String titleZh;
    private final String titleEn;
    private final String issuerZh;
    private final String issuerEn;
    private final LocalDate issuedOn;
    private final LocalDate validUntil;
    private final BigDecimal fundTotal;
    private final String fundClause;

    PolicyDocument(String id, String docNumber, String titleZh, String titleEn, String issuerZh, String issuerEn, LocalDate issuedOn,
                   LocalDate validUntil, BigDecimal fundTotal, String fundClause) {
        this.id = id;
        this.docNumber = docNumber;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.issuerZh = issuerZh;
        this.issuerEn = issuerEn;
        this.issuedOn = issuedOn;
        this.validUntil = validUntil;
        this.fundTotal = fundTotal;
        this.fundClause = fundClause;
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
