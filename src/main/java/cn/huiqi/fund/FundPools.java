package cn.huiqi.fund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.PolicyDocuments;

/**
 * The pools, read from the measure catalogue: {@value #PACKAGE} (the package fund) and one per measure that
 * pays money. Their caps and settlement rules: configured ({@link FundProperties}), else the policy's own
 * figures (PACKAGE: the policy document's fund; a measure: the cap its declaration states; otherwise 0.00 =
 * "not set yet", nothing can be reserved). Pool rows of measures that pay nothing may remain in older
 * databases; nothing uses them.
 */
@Component
public class FundPools {

    public static final String PACKAGE = "PACKAGE";

    private final MeasureCatalogue catalogue;
    private final FundProperties properties;
    private final PolicyDocuments policies;

    public FundPools(MeasureCatalogue catalogue, FundProperties properties, PolicyDocuments policies) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.policies = policies;
    }

    /** The paying measures, each with its pool (pool id = measure id). */
    public List<String> measures() {
        return catalogue.paying().stream().map(Measure::id).toList();
    }

    /** PACKAGE first: also the order in which the ledger locks pool rows. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(PACKAGE);
        all.addAll(measures());
        return all;
    }

    public boolean isMeasurePool(String id) {
        return id != null && measures().contains(id);
    }

    Measure measure(String poolId) {
        requireMeasure(poolId);
        return catalogue.require(poolId);
    }

    void requireMeasure(String measure) {
        if (!isMeasurePool(measure)) {
            throw new IllegalArgumentException("not a measure pool: " + measure + " (known: " + measures() + ")");
        }
    }

    /** The cap of a pool: configured, else the policy's figure, else 0.00. */
    public BigDecimal capOf(String poolId) {
        if (PACKAGE.equals(poolId)) {
            return properties.getPackageCap() != null ? properties.getPackageCap() : policies.fundTotal(packagePolicy());
        }
        requireMeasure(poolId);
        BigDecimal configured = normalized(properties.getCaps()).get(poolId);
        if (configured != null) {
            return configured;
        }
        return catalogue.require(poolId).policyPoolCap().orElse(BigDecimal.ZERO).setScale(2);
    }

    public SettlementRule ruleOf(String measure) {
        requireMeasure(measure);
        return normalized(properties.getRules()).getOrDefault(measure, SettlementRule.PRO_RATA);
    }

    /** The one policy document whose fund the package is: the document of every paying measure. */
    private String packagePolicy() {
        List<String> documents = catalogue.paying().stream().map(Measure::policy).distinct().toList();
        if (documents.size() != 1) {
            throw new IllegalStateException("the paying measures must belong to one policy document, not " + documents);
        }
        return documents.get(0);
    }

    /** What is wrong with the settings (empty when they are usable); unknown keys name the known pools. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (properties.getPackageCap() != null) {
            checkAmount("huiqi.fund.package-cap", properties.getPackageCap(), problems);
        }
        normalized(properties.getCaps()).forEach((key, value) -> {
            if (!isMeasurePool(key)) {
                problems.add("huiqi.fund.caps." + key + ": unknown measure pool (known pools: " + String.join(", ", measures())
                        + "; the package fund is huiqi.fund.package-cap)");
            } else {
                checkAmount("huiqi.fund.caps." + key, value, problems);
            }
        });
        normalized(properties.getRules()).forEach((key, value) -> {
            if (!isMeasurePool(key)) {
                problems.add("huiqi.fund.rules." + key + ": unknown measure pool (known pools: " + String.join(", ", measures()) + ")");
            } else if (value == null) {
                problems.add("huiqi.fund.rules." + key + ": PRO_RATA or FIRST_COME_FIRST_SERVED");
            }
        });
        return problems;
    }

    /** Keys upper-cased: an environment variable HUIQI_FUND_CAPS_M2 arrives as key "m2". */
    private static <V> Map<String, V> normalized(Map<String, V> map) {
        Map<String, V> normalized = new LinkedHashMap<>();
        map.forEach((key, value) -> normalized.put(key.toUpperCase(Locale.ROOT), value));
        return normalized;
    }

    private static void checkAmount(String key, BigDecimal value, List<String> problems) {
        if (value == null) {
            problems.add(key + ": an amount is required");
        } else if (value.signum() < 0) {
            problems.add(key + ": must not be negative (" + value.toPlainString() + ")");
        } else if (value.stripTrailingZeros().scale() > 2) {
            problems.add(key + ": at most two decimals (fen) (" + value.toPlainString() + ")");
        } else if (value.compareTo(new BigDecimal("999999999999999.99")) > 0) {
            problems.add(key + ": out of range");
        }
    }
}
