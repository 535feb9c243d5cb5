package cn.huiqi.financing;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseVisibilityExtension;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * Who reads financing demands (measure 8 cases) besides the general rule (the enterprise its own, its locality,
 * administrators, policy staff, auditors): 市金融办 (jrb, lead), 市工信局 (gxj) and 市中小企业局 (zxqyj) all of them.
 * Institutions never read a case: they read the consented fields through {@link InstitutionReads} only.
 */
@Component
class FinancingVisibility implements CaseVisibilityExtension {

    static final java.util.List<String> CITY_READERS = java.util.List.of("jrb", Groups.LEAD_BUREAU, "zxqyj");

    private final JdbcTemplate jdbc;

    FinancingVisibility(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean canRead(Caller caller, CaseRecord caseRecord) {
        return FinancingMeasure.ID.equals(caseRecord.getMeasure()) && !caller.isIn(Groups.ENTERPRISE)
                && CITY_READERS.stream().anyMatch(caller::isIn);
    }

    @Override
    public Optional<Condition> condition(Caller caller) {
        if (caller.isIn(Groups.ENTERPRISE) || CITY_READERS.stream().noneMatch(caller::isIn)
                || !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM financing_demand)", Boolean.class))) {
            return Optional.empty();
        }
        return Optional.of(new Condition("c.measure = :m8Measure", Map.of("m8Measure", FinancingMeasure.ID)));
    }
}
