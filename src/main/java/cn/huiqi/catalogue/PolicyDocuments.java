package cn.huiqi.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy documents whose measures this system runs (table policy_document, written by Flyway). At start
 * every measure of the catalogue must name a document that exists, or the application does not start.
 */
@Component
public class PolicyDocuments implements SmartInitializingSingleton {

    /** 洪府办发〔2023〕81号 关于支持工业企业稳生产拓市场提质效的若干措施 */
    public static final String NANCHANG_2023_81 = "hfbf-2023-81";

    private final PolicyDocumentRepository documents;
    private final MeasureCatalogue catalogue;

    PolicyDocuments(PolicyDocumentRepository documents, MeasureCatalogue catalogue) {
        this.documents = documents;
        this.catalogue = catalogue;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> missing = catalogue.all().stream().filter(m -> !documents.existsById(m.policy()))
                .map(m -> m.id() + " → " + m.policy()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Measures name policy documents that table policy_document does not hold: " + missing
                    + " (known: " + documents.findAll().stream().map(PolicyDocument::getId).toList() + ")");
        }
    }

    @Transactional(readOnly = true)
    public List<PolicyDocument> all() {
        return documents.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<PolicyDocument> find(String id) {
        return documents.findById(id);
    }

    /** The fund the document arranges for its whole package (the default cap of fund pool PACKAGE). */
    @Transactional(readOnly = true)
    public BigDecimal fundTotal(String id) {
        return documents.findById(id).map(PolicyDocument::getFundTotal).orElseThrow(() -> new IllegalStateException(
                "policy document " + id + " is missing (migration V10__policy_document.sql)"));
    }
}
