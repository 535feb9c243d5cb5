package cn.huiqi.fund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code huiqi.fund} (until the rules page of a later issue lets policy staff set them):
 * <pre>
 * huiqi:
 *   fund:
 *     package-cap: 100000000.00   # the package fund, 1亿元 (policy figure; the default)
 *     caps:                        # per measure pool; M1 defaults to 5000000.00 (500万, policy figure),
 *       M2: 0.00                   #   M2..M9 to 0.00 = "not yet set": nothing can be reserved
 *     rules:                       # per measure: PRO_RATA (default) or FIRST_COME_FIRST_SERVED
 *       M1: PRO_RATA
 * </pre>
 * The defaults live here, not in application.yml. Amounts are exact (a string in YAML is safest; at most
 * two decimals, not negative). An unknown pool key or a bad amount stops the application at start
 * ({@link #problems()}, checked by {@link FundPoolSetup}).
 */
@ConfigurationProperties("huiqi.fund")
public class FundProperties {

    public static final BigDecimal POLICY_PACKAGE_CAP = new BigDecimal("100000000.00");
    public static final BigDecimal POLICY_M1_CAP = new BigDecimal("5000000.00");

    private BigDecimal packageCap = POLICY_PACKAGE_CAP;
    /** Overrides only; {@link #capOf(String)} supplies the defaults. */
    private Map<String, BigDecimal> caps = new LinkedHashMap<>();
    /** Overrides only; {@link #ruleOf(String)} supplies the default PRO_RATA. */
    private Map<String, SettlementRule> rules = new LinkedHashMap<>();

    public BigDecimal getPackageCap() { return packageCap; }
    public void setPackageCap(BigDecimal packageCap) { this.packageCap = packageCap; }
    public Map<String, BigDecimal> getCaps() { return caps; }
    public void setCaps(Map<String, BigDecimal> caps) { this.caps = caps; }
    public Map<String, SettlementRule> getRules() { return rules; }
    public void setRules(Map<String, SettlementRule> rules) { this.rules = rules; }

    /** The configured cap of a pool (PACKAGE or M1..M9), with the defaults above. */
    public BigDecimal capOf(String poolId) {
        if (FundPools.PACKAGE.equals(poolId)) {
            return packageCap;
        }
        FundPools.requireMeasure(poolId);
        BigDecimal configured = normalized(caps).get(poolId);
        if (configured != null) {
            return configured;
        }
        return "M1".equals(poolId) ? POLICY_M1_CAP : BigDecimal.ZERO.setScale(2);
    }

    public SettlementRule ruleOf(String measure) {
        FundPools.requireMeasure(measure);
        return normalized(rules).getOrDefault(measure, SettlementRule.PRO_RATA);
    }

    /** What is wrong with these settings (empty when they are usable). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkAmount("huiqi.fund.package-cap", packageCap, problems);
        normalized(caps).forEach((key, value) -> {
            if (!FundPools.MEASURES.contains(key)) {
                problems.add("huiqi.fund.caps." + key + ": unknown measure pool (M1..M9)");
            } else {
                checkAmount("huiqi.fund.caps." + key, value, problems);
            }
        });
        normalized(rules).forEach((key, value) -> {
            if (!FundPools.MEASURES.contains(key)) {
                problems.add("huiqi.fund.rules." + key + ": unknown measure (M1..M9)");
            } else if (value == null) {
                problems.add("huiqi.fund.rules." + key + ": PRO_RATA or FIRST_COME_FIRST_SERVED");
            }
        });
        return problems;
    }

    /** Keys upper-cased: an environment variable HUIQI_FUND_CAPS_M2 arrives as key "m2". */
    private static <V> Map<String, V> normalized(Map<String, V> map) {
        Map<String, V> normalized = new LinkedHashMap<>();
        map.forEach((key, value) -> normalized.put(key.toUpperCase(java.util.Locale.ROOT), value));
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
