package cn.huiqi.fund;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code huiqi.fund} (until the rules page of a later issue lets policy staff set them):
 * <pre>
 * huiqi:
 *   fund:
 *     package-cap: 100000000.00   # the package fund; default: the policy document's fund (policy_document.fund_total, 1亿元)
 *     caps:                        # per paying measure's pool; default: the cap the measure's declaration states
 *       M2: 0.00                   #   (M1: 500万, policy figure), else 0.00 = "not yet set": nothing can be reserved
 *     rules:                       # per measure: PRO_RATA (default) or FIRST_COME_FIRST_SERVED
 *       M1: PRO_RATA
 * </pre>
 * Overrides only: the defaults come from the policy data and the measure catalogue ({@link FundPools}).
 * Amounts are exact (a string in YAML is safest; at most two decimals, not negative). An unknown pool key or
 * a bad amount stops the application at start ({@link FundPools#problems()}, checked by {@link FundPoolSetup}).
 */
@ConfigurationProperties("huiqi.fund")
public class FundProperties {

    /** null: the policy document's fund. */
    private BigDecimal packageCap;
    private Map<String, BigDecimal> caps = new LinkedHashMap<>();
    private Map<String, SettlementRule> rules = new LinkedHashMap<>();

    public BigDecimal getPackageCap() { return packageCap; }
    public void setPackageCap(BigDecimal packageCap) { this.packageCap = packageCap; }
    public Map<String, BigDecimal> getCaps() { return caps; }
    public void setCaps(Map<String, BigDecimal> caps) { this.caps = caps; }
    public Map<String, SettlementRule> getRules() { return rules; }
    public void setRules(Map<String, SettlementRule> rules) { this.rules = rules; }
}
