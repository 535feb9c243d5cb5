package cn.huiqi.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.huiqi.common.Label;
import cn.huiqi.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The policy and its measures, as the catalogue declares them: public (the policy's own content), no login. */
@RestController
@RequestMapping("/api/measures")
@Tag(name = "措施 Measures", description = "政策文件与各条措施（公开，无需登录）/ The policy document and its measures (public, no login)")
public class MeasureController {

    public record PolicyView(String id, String docNumber, Label title, Label issuer, LocalDate issuedOn, LocalDate validUntil,
                             BigDecimal fundTotal, String fundClause) {

        static PolicyView of(PolicyDocument d) {
            return new PolicyView(d.getId(), d.getDocNumber(), d.title(), d.issuer(), d.getIssuedOn(), d.getValidUntil(),
                    d.getFundTotal(), d.getFundClause());
        }
    }

    /**
     * One measure: pool = its fund pool (null when it pays nothing), poolCap = the policy's own cap of it (null: none),
     * applicationPath = where applications are submitted (null: it takes none through this API).
     */
    public record MeasureView(String id, String policy, String clause, Label name, ApplicantKind applicant,
                              List<String> processKeys, List<String> ruleTables, boolean paysMoney, String pool,
                              BigDecimal poolCap, boolean continuous, String applicationPath, MeasureUnits.Units units) {
    }

    public record Catalogue(List<PolicyView> policies, List<MeasureView> measures) {
    }

    private final MeasureCatalogue catalogue;
    private final PolicyDocuments policies;
    private final MeasureUnits units;

    MeasureController(MeasureCatalogue catalogue, PolicyDocuments policies, MeasureUnits units) {
        this.catalogue = catalogue;
        this.policies = policies;
        this.units = units;
    }

    @GetMapping
    @SecurityRequirements
    @Operation(summary = "政策文件与全部措施 / The policy documents and all measures",
            description = "每条措施：条款、名称、申请人类别、流程、决策表、是否拨付资金及资金池、是否常年受理，以及现行决策表 responsible-units 给出的责任单位。"
                    + " Each measure with its clause, name, applicant kind, processes, rule tables, pool, and the units the"
                    + " decision responsible-units in force names.")
    public Catalogue list() {
        List<Measure> all = catalogue.all();
        Map<String, MeasureUnits.Units> byMeasure = units.of(all);
        List<PolicyView> documents = policies.all().stream().filter(d -> catalogue.policies().contains(d.getId()))
                .map(PolicyView::of).toList();
        return new Catalogue(documents, all.stream().map(m -> view(m, byMeasure.get(m.id()))).toList());
    }

    @GetMapping("/{id}")
    @SecurityRequirements
    @Operation(summary = "一条措施 / One measure", description = "未知的措施编号返回 404。 404 for an unknown measure id.")
    public MeasureView get(@PathVariable String id) {
        Measure measure = catalogue.find(id).orElseThrow(() -> unknown(id));
        return view(measure, units.of(List.of(measure)).get(measure.id()));
    }

    /** The bilingual 404 for an id no measure has (the id echoed only when it looks like one). */
    public static NotFoundException unknown(String id) {
        String shown = id != null && id.matches("[A-Za-z0-9_-]{1,16}") ? id : "?";
        return new NotFoundException("measure", "没有编号为 " + shown + " 的措施", "There is no measure " + shown);
    }

    private static MeasureView view(Measure m, MeasureUnits.Units units) {
        return new MeasureView(m.id(), m.policy(), m.clause(), m.name(), m.applicant(), m.processKeys(), m.ruleTables(),
                m.paysMoney(), m.pool().orElse(null), m.poolCap(), m.continuous(),
                m.applicationProcess().map(p -> "/api/measures/" + m.id() + "/applications").orElse(null), units);
    }
}
