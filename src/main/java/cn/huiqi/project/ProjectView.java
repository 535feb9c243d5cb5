package cn.huiqi.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A project as the API shows it, with its figures at the end of the month asked for. */
record ProjectView(
        long id,
        String name,
        String type,
        String typeZh,
        String typeEn,
        EnterpriseRef enterprise,
        LocalityRef locality,
        BigDecimal plannedTotalInvestment,
        BigDecimal plannedEquipmentInvestment,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        LocalDate actualStart,
        LocalDate actualCompletion,
        boolean major,
        String status,
        String statusZh,
        String statusEn,
        boolean editable,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        MonthEnd monthEnd) {

    public record EnterpriseRef(long id, String name, String uscc) {
    }

    public record LocalityRef(String id, String nameZh, String nameEn) {
    }

    /**
     * The project at the end of {@code month}: status from the actual dates, cumulative amounts and
     * progress by {@link InvestmentProgress} (carried forward when {@code reported} is false).
     */
    public record MonthEnd(YearMonth month, String status, String statusZh, String statusEn,
                           BigDecimal cumulativeInvestment, BigDecimal cumulativeEquipmentInvestment, BigDecimal progress,
                           boolean reported, boolean startedInMonth, boolean completedInMonth) {
    }
}
