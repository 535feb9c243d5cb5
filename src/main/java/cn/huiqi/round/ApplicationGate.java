package cn.huiqi.round;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.ApplicationPeriods;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.InvalidInputException;

/**
 * Outside its open round's application period a measure refuses a new application with a 400 naming the
 * period: the next round's when one is planned, else the last one's. A continuous measure is never refused
 * for a period. Default deny: a measure with rounds but none open, or with no round at all, takes nothing.
 */
@Component
class ApplicationGate implements ApplicationPeriods {

    static final String FIELD = "applicationPeriod";

    private final Rounds rounds;
    private final RoundCalendar calendar;
    private final MeasureCatalogue catalogue;

    ApplicationGate(Rounds rounds, RoundCalendar calendar, MeasureCatalogue catalogue) {
        this.rounds = rounds;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Long> admit(String measureId) {
        Measure measure = catalogue.require(measureId);
        if (measure.continuous()) {
            return Optional.empty();
        }
        LocalDate today = calendar.today();
        Optional<ApplicationRound> open = rounds.openRound(measureId, today);
        if (open.isPresent()) {
            return Optional.of(open.get().getId());
        }
        throw refusal(measure, rounds.roundsOf(measureId), today);
    }

    private static InvalidInputException refusal(Measure measure, List<ApplicationRound> all, LocalDate today) {
        String n = Rounds.number(measure);
        Optional<ApplicationRound> next = all.stream().filter(r -> r.statusOn(today) == RoundStatus.PLANNED)
                .min(Comparator.comparing(ApplicationRound::getOpensOn));
        if (next.isPresent()) {
            ApplicationRound r = next.get();
            return new InvalidInputException(FIELD, "措施" + n + " 的申报期为 " + RoundCalendar.zh(r.getOpensOn()) + " 至 "
                    + RoundCalendar.zh(r.getClosesOn()) + "（" + r.getName() + "），当前不在申报期内",
                    "Applications for " + measure.id() + " are taken from " + r.getOpensOn() + " to " + r.getClosesOn()
                            + " (" + r.getName() + "); today is outside the application period");
        }
        Optional<ApplicationRound> last = all.stream().max(Comparator.comparing(ApplicationRound::getClosesOn)
                .thenComparing(ApplicationRound::getId));
        if (last.isPresent()) {
            ApplicationRound r = last.get();
            String early = r.getClosedEarlyAt() == null ? "" : "，已提前截止";
            return new InvalidInputException(FIELD, "措施" + n + " 的申报期为 " + RoundCalendar.zh(r.getOpensOn()) + " 至 "
                    + RoundCalendar.zh(r.getClosesOn()) + "（" + r.getName() + early + "），申报已截止，目前没有开放的申报批次",
                    "Applications for " + measure.id() + " were taken from " + r.getOpensOn() + " to " + r.getClosesOn() + " ("
                            + r.getName() + (early.isEmpty() ? "" : ", closed early") + "); no application round is open now");
        }
        return new InvalidInputException(FIELD, "措施" + n + " 尚未开设申报批次，当前不受理申请",
                "Measure " + measure.id() + " has no application round yet; applications are not taken now");
    }
}
