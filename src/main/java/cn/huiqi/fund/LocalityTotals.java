package cn.huiqi.fund;

import java.math.BigDecimal;

/** The money of the cases of one locality unit (case_record.locality_unit_id), derived from the entries. */
public record LocalityTotals(String id, String nameZh, String nameEn, long cases, BigDecimal reserved,
                             BigDecimal committed, BigDecimal paid) {
}
