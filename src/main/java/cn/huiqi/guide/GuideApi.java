package cn.huiqi.guide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.huiqi.catalogue.MeasureUnits;
import cn.huiqi.common.Label;

/** Bodies of the public guide and calculator API (docs/fulfilment.md). */
public final class GuideApi {

    private GuideApi() {
    }

    /** One line of a guide; labelledDefault: a figure the policy does not publish (系统默认值，待政策部门确认). */
    public record Line(String text, boolean labelledDefault) {
    }

    /** A decision table read out: its version, the round it decides (null: none open) and one line per rule. */
    public record Rules(String key, String name, int version, String roundName, List<Line> lines) {
    }

    /** current: what decides applications now; nextRound: a version published for the next round (下一批次), or null. */
    public record RuleSet(Rules current, Rules nextRound) {
    }

    /** The round taking applications today; null in the guide when none is open (or the measure is continuous). */
    public record Round(String name, LocalDate performanceFrom, LocalDate performanceTo, LocalDate opensOn, LocalDate closesOn) {
    }

    public record Step(String step, String name, int workingDays, boolean labelledDefault) {
    }

    public record Document(Label name, boolean required, boolean perOrder) {
    }

    public record Prepare(List<Label> fields, List<Document> documents, Label documentsNote) {
    }

    /**
     * The guide of one measure. applicant: who may apply; rules: the tables that decide it (none for a measure the
     * policy gives no figures to); steps: each step's limit in working days; units: review, lead and finance units;
     * contact: where to ask; defaults: every figure shown that the policy does not publish.
     */
    public record Guide(String measure, String clause, Label name, String policyNumber, Label policyTitle, Label applicant,
                        boolean paysMoney, BigDecimal poolCap, boolean continuous, Round round, List<RuleSet> rules,
                        List<Label> whatHappens, Prepare prepare, List<Step> steps, Integer supplementDeadline,
                        MeasureUnits.Units units, Label contact, String applyPage, List<Label> defaults) {
    }

    /** takesApplications: enterprises apply (or raise demands) in the system; round: the one open today, or null. */
    public record Summary(String measure, String clause, Label name, Label applicant, boolean paysMoney, boolean continuous,
                          boolean takesApplications, Round round, boolean nextRoundRules) {
    }
}
