package cn.huiqi.testsupport;

import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;

import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.Uscc;

/**
 * Fresh enterprises with one bound user each: measure 1 takes one application per enterprise, so a
 * test that needs several measure 1 cases needs several enterprises.
 */
public final class TestEnterprises {

    private TestEnterprises() {
    }

    /** Registers an enterprise in the locality, creates a user in group enterprise and binds it; answers the user id. */
    public static String freshUser(ApplicationContext context, String locality, String password) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        String userId = "ent-t-" + suffix;
        TestUsers.person(context.getBean(IdentityService.class), userId, "enterprise", password);
        String first17 = "91360100" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        EnterpriseRegister register = context.getBean(EnterpriseRegister.class);
        Enterprise enterprise = register.register(new EnterpriseRegister.Registration(first17 + Uscc.checkCharacter(first17),
                "测试企业" + suffix + "有限公司", locality, "测试联系人", "0791-80000000", null, "中国工商银行南昌分行", "1502200009000012345"));
        register.bind(enterprise, userId);
        return userId;
    }
}
