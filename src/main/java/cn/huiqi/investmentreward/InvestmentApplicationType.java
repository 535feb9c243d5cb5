package cn.huiqi.investmentreward;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.ApplicationType;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.NewApplication;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.common.RefusalException;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.project.InvestmentProgress;
import cn.huiqi.project.Project;
import cn.huiqi.project.ProjectRepository;

/**
 * Measure 3 (project investment reward): a project owner applies for one project of the library.
 * The application carries what the library says for 2023-07..09: the project's average investment
 * progress, the overall average (both for the reviewer), and the equipment investment within the
 * window (the reward base of DMN investment-reward). One application per project.
 */
@Component
public class InvestmentApplicationType implements ApplicationType {

    public static final String MEASURE = InvestmentRewardMeasure.ID;
    public static final String PROCESS_KEY = InvestmentRewardMeasure.PROCESS_KEY;
    static final YearMonth FROM = YearMonth.of(2023, 7);
    static final YearMonth TO = YearMonth.of(2023, 9);

    private final ProjectRepository projects;
    private final RewardClaims claims;
    private final InvestmentProgress progress;

    public InvestmentApplicationType(ProjectRepository projects, InvestmentProgress progress, RewardClaims claims) {
        this.claims = claims;
        this.projects = projects;
        this.progress = progress;
    }

    @Override
    public String measure() {
        return MEASURE;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public Optional<String> notEligibleBeforeRules(Map<String, Object> variables) {
        return Boolean.FALSE.equals(variables.get("progressExceedsAverage"))
                ? Optional.of(ProgressBelowAverage.reason(variables.get("projectAverageProgress"), variables.get("overallAverageProgress")))
                : Optional.empty();
    }

    @Override
    public ValidatedApplication validate(Map<String, ?> fields, Enterprise applicant) {
        FieldChecks checks = new FieldChecks();
        String projectText = checks.requiredText("projectId", fields.get("projectId"), "项目编号", "Project id", 19);
        String evidence = checks.requiredText("equipmentEvidence", fields.get("equipmentEvidence"),
                "设备投资证明", "Evidence of equipment investment", 2000);
        checks.throwIfAny();
        Project project = ownProject(projectText, applicant);

        InvestmentProgress.ProgressComparison comparison;
        BigDecimal equipment;
        try {
            comparison = progress.compare(project.getId(), FROM, TO);
            equipment = progress.equipmentInvestmentIn(project.getId(), FROM, TO);
        } catch (RefusalException e) {
            // inside the engine only InvalidInputException reaches Tasklist as a field error
            throw new InvalidInputException("projectId", e.problem().zh(), e.problem().en());
        }

        Map<String, Object> application = new LinkedHashMap<>();
        application.put("projectId", project.getId());
        application.put("projectName", project.getName());
        application.put("projectType", project.getType().code());
        application.put("equipmentInvestment", Money.format(equipment));
        application.put("projectAverageProgress", percent(comparison.projectAverage()));
        application.put("overallAverageProgress", percent(comparison.overallAverage()));
        application.put("equipmentEvidence", evidence);

        Map<String, Object> variables = new LinkedHashMap<>(application);
        variables.put("projectId", project.getId().toString());
        variables.put("projectTypeText", project.getType().label().both());
        variables.put("equipmentInvestment", equipment);
        variables.put("equipmentInvestmentText", Money.format(equipment));
        variables.put("progressExceedsAverage", comparison.exceedsOverall());
        variables.put("progressBasis", comparison.basisZh() + " / " + comparison.basisEn());
        return new ValidatedApplication(new NewApplication(MEASURE, "projectId", "project-" + project.getId(),
                "项目", "project", application, equipment, project.getId()), variables);
    }

    @Override
    public Class<InvestmentApplicationRequest> requestType() {
        return InvestmentApplicationRequest.class;
    }

    /** The reward base is the equipment investment taken from the project library when the case was opened (its claim's claimed amount). */
    @Override
    public Map<String, Object> decisionInputs(CaseRecord caseRecord) {
        BigDecimal claimed = claims.find(caseRecord.getId()).map(RewardClaim::getClaimedAmount).orElse(null);
        return claimed == null ? Map.of() : Map.of("equipmentInvestment", claimed);
    }

    private Project ownProject(String projectText, Enterprise applicant) {
        long id;
        try {
            id = Long.parseLong(projectText);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("projectId", "项目编号应为数字", "The project id must be a number");
        }
        return projects.findById(id)
                .filter(p -> p.getEnterpriseId().equals(applicant.getId()))
                .orElseThrow(() -> new InvalidInputException("projectId",
                        "项目库中没有贵企业编号为 " + id + " 的项目", "Your enterprise has no library project with id " + id));
    }

    /** 0.356789 → "35.6789%" (the exact ratio, shown as a percentage with four decimals) */
    static String percent(BigDecimal ratio) {
        return ratio == null ? "—" : ratio.movePointRight(2).setScale(4, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
