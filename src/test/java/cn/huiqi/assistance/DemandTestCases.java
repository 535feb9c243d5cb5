package cn.huiqi.assistance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.ApplicationContext;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.testsupport.TestUsers;

/** Opens demands for tests outside this package (e.g. the attack tests), as {@link DemandIntake} does for the APIs. */
public final class DemandTestCases {

    private DemandTestCases() {
    }

    /** A new demand (其他, locality level) of the enterprise the user acts for; answers its case number. */
    public static String open(ApplicationContext context, String enterpriseUser) {
        routingTableDeployed(context.getBean(RepositoryService.class));
        EnterpriseRegister register = context.getBean(EnterpriseRegister.class);
        long enterpriseId = register.ownEnterpriseOf(enterpriseUser).orElseThrow();
        NewDemand demand = new NewDemand(context.getBean(EnterpriseRepository.class).findById(enterpriseId).orElseThrow(),
                DemandOrigin.ENTERPRISE, DemandCategory.OTHER, DemandScope.LOCALITY, null, "测试诉求", "测试诉求说明", null, null, null, null);
        CaseRecord opened = TestUsers.as(context.getBean(IdentityService.class), enterpriseUser,
                () -> context.getBean(DemandIntake.class).open(demand));
        return opened.getCaseNumber();
    }

    /** DMN demand-routing as the application deploys it (dmn/demand-routing.dmn, seeded at start). */
    static void routingTableDeployed(RepositoryService repositoryService) {
        if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DemandSteps.ROUTING).count() == 0) {
            throw new IllegalStateException("the application deployed no " + DemandSteps.ROUTING + " table");
        }
    }
}
