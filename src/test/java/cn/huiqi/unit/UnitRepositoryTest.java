package cn.huiqi.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.testsupport.ProcessTestSupport;

/** One object per unit row within a transaction (common.TransactionRows); what the repository writes is what it answers next. */
class UnitRepositoryTest extends ProcessTestSupport {

    @Autowired
    UnitRepository units;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void oneObjectPerUnitWithinATransactionAndTheWrittenOneAfterAWrite() {
        assertThat(units.findById("gxj").orElseThrow()).isNotSameAs(units.findById("gxj").orElseThrow());

        transaction.executeWithoutResult(status -> {
            Unit gxj = units.findById("gxj").orElseThrow();
            assertThat(units.findById("gxj").orElseThrow()).isSameAs(gxj);
            assertThat(units.findByIds(List.of("gxj", "swj", "no-such-unit")))
                    .containsOnlyKeys("gxj", "swj").containsEntry("gxj", gxj);
            Unit swj = units.findById("swj").orElseThrow();
            assertThat(units.findByIds(List.of("swj")).get("swj")).isSameAs(swj);

            Unit copy = units.findAll().stream().filter(u -> u.getId().equals("gxj")).findFirst().orElseThrow();
            assertThat(copy).isNotSameAs(gxj);
            copy.rename("改名", "Renamed");
            units.update(copy);
            assertThat(units.findById("gxj").orElseThrow().getNameZh()).isEqualTo("改名");
            status.setRollbackOnly();
        });

        assertThat(units.findById("gxj").orElseThrow().getNameZh()).isNotEqualTo("改名");
    }
}
