package cn.huiqi.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.InvalidInputException;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.Groups;

/**
 * A unit's visit plan: its enterprises (a locality's own; the lead bureau's every enterprise) with their last visit,
 * least recently visited first; the enterprises that asked for 无事不扰 are left out and listed apart, said so.
 */
@Component
class VisitPlan {

    static final String SKIPPED_ZH = "企业已申请无事不扰";
    static final String SKIPPED_EN = "The enterprise asked not to be visited without cause";

    record Entry(long enterpriseId, String name, String uscc, String locality, LocalDate lastVisitedOn) {
    }

    record Skipped(long enterpriseId, String name, String uscc, String locality, Instant since, String reasonZh, String reasonEn) {
    }

    record Plan(String unit, List<Entry> toVisit, List<Skipped> skipped) {
    }

    private final OfficialUnit officialUnit;
    private final EnterpriseRepository enterprises;
    private final NoVisitRepository noVisits;
    private final VisitRepository visits;

    VisitPlan(OfficialUnit officialUnit, EnterpriseRepository enterprises, NoVisitRepository noVisits, VisitRepository visits) {
        this.officialUnit = officialUnit;
        this.enterprises = enterprises;
        this.noVisits = noVisits;
        this.visits = visits;
    }

    @Transactional(readOnly = true)
    Plan of(Caller caller, String unitParam) {
        String own = officialUnit.of(caller);
        String unit = unitParam == null || unitParam.isBlank() ? own : unitParam.strip();
        if (!unit.matches("[a-z0-9_-]{1,32}") || !officialUnit.exists(unit)
                || !(Groups.LEAD_BUREAU.equals(unit) || officialUnit.isLocality(unit))) {
            throw new InvalidInputException("unit", "走访计划只按属地单位或市工信局（gxj）制定",
                    "A visit plan is made for a locality or the lead bureau (gxj) only");
        }
        if (!unit.equals(own) && !Groups.LEAD_BUREAU.equals(own)) {
            throw new AccessDeniedException(caller.userId() + " may not read the visit plan of " + unit);
        }
        List<Enterprise> mine = Groups.LEAD_BUREAU.equals(unit) ? enterprises.findAllByOrderByName()
                : enterprises.findByLocalityUnitIdOrderByName(unit);
        Map<Long, NoVisit> quiet = noVisits.findAllById(mine.stream().map(Enterprise::getId).toList()).stream()
                .collect(Collectors.toMap(NoVisit::getEnterpriseId, n -> n));
        Map<Long, LocalDate> last = visits.lastVisits();
        List<Entry> toVisit = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Enterprise e : mine) {
            NoVisit no = quiet.get(e.getId());
            if (no != null) {
                skipped.add(new Skipped(e.getId(), e.getName(), e.getUscc(), e.getLocalityUnitId(), no.getSince(), SKIPPED_ZH, SKIPPED_EN));
            } else {
                toVisit.add(new Entry(e.getId(), e.getName(), e.getUscc(), e.getLocalityUnitId(), last.get(e.getId())));
            }
        }
        toVisit.sort(java.util.Comparator.comparing(Entry::lastVisitedOn, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return new Plan(unit, toVisit, skipped);
    }
}
