package cn.huiqi.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.huiqi.testsupport.ProcessTestSupport;

/** One object per enterprise row within a transaction (common.TransactionRows), a newly registered one included. */
class EnterpriseRepositoryTest extends ProcessTestSupport {

    @Autowired
    EnterpriseRepository enterprises;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void oneObjectPerEnterpriseWithinATransaction() {
        transaction.executeWithoutResult(status -> {
            Enterprise registered = enterprises.save(new Enterprise("91360100MA00000R0X", "仓储测试企业", "donghu", "张三", "13800000000", null));
            assertThat(enterprises.findById(registered.getId()).orElseThrow()).isSameAs(registered);
            status.setRollbackOnly();
        });

        Long id = enterprises.findAll().get(0).getId();
        assertThat(enterprises.findById(id).orElseThrow()).isNotSameAs(enterprises.findById(id).orElseThrow());
        transaction.executeWithoutResult(status -> {
            Enterprise read = enterprises.findById(id).orElseThrow();
            assertThat(enterprises.findById(id).orElseThrow()).isSameAs(read);
        });
    }
}
