package cn.huiqi.identity;

import java.util.List;

/**
 * The logins of the quick start, all with the password {@value #PASSWORD}. The seeder creates them, the
 * guard refuses to start a non-demo installation while any of them still opens with that password.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", "系统", "管理员", Groups.CAMUNDA_ADMIN),
            new DemoAccount("policy-staff", "政策管理", "专员", Groups.POLICY_ADMIN),
            new DemoAccount("audit-staff", "审计", "专员", Groups.AUDITOR),
            new DemoAccount("leader", "市领导", "（兑现看板）", Groups.LEADER),

            new DemoAccount("gxj-reviewer", "市工信局", "审核员", "gxj"),
            new DemoAccount("gxj-checker", "市工信局", "复核员", "gxj"), // the second person of the evaluations' four eyes
            new DemoAccount("swj-reviewer", "市商务局", "审核员", "swj"),
            new DemoAccount("czj-finance", "市财政局", "资金拨付员", "czj"),
            new DemoAccount("jrb-reviewer", "市金融办", "审核员", "jrb"),
            new DemoAccount("zxqyj-reviewer", "市中小企业局", "审核员", "zxqyj"),
            new DemoAccount("ctjt-reviewer", "市产投集团", "审核员", "ctjt"),
            new DemoAccount("szxbm-reviewer", "市直相关部门", "审核员", "szxbm"),
            new DemoAccount("tjj-stats", "市统计局", "统计员", "tjj"),
            // handling units of enterprise demands (measure 7, V43; labelled defaults): one account each
            new DemoAccount("rsj-handler", "市人社局", "办理员", "rsj"),
            new DemoAccount("zrzyj-handler", "市自然资源和规划局", "办理员", "zrzyj"),
            new DemoAccount("xzspj-handler", "市行政审批局", "办理员", "xzspj"),
            new DemoAccount("jtj-handler", "市交通运输局", "办理员", "jtj"),
            new DemoAccount("kjj-handler", "市科技局", "办理员", "kjj"),
            new DemoAccount("sthjj-handler", "市生态环境局", "办理员", "sthjj"),
            new DemoAccount("yjglj-handler", "市应急管理局", "办理员", "yjglj"),
            // liaison units: the vertically managed tax bureau and the utilities, reached through a liaison account
            new DemoAccount("tax-liaison", "市税务局", "联络员", "tax"),
            new DemoAccount("power-liaison", "供电公司", "联络员", "power"),
            new DemoAccount("water-liaison", "水业集团", "联络员", "water"),
            new DemoAccount("gas-liaison", "燃气集团", "联络员", "gas"),
            // demo financial institutions (measure 8, db/demo V1006; labelled 演示): staff of each bank
            new DemoAccount("demobank1-staff", "演示银行甲", "客户经理", "demobank1"),
            new DemoAccount("demobank2-staff", "演示银行乙", "客户经理", "demobank2"),

            new DemoAccount("donghu-verifier", "东湖区", "核实员", "donghu"),
            new DemoAccount("xihu-verifier", "西湖区", "核实员", "xihu"),
            new DemoAccount("qingyunpu-verifier", "青云谱区", "核实员", "qingyunpu"),
            new DemoAccount("qingshanhu-verifier", "青山湖区", "核实员", "qingshanhu"),
            new DemoAccount("xinjian-verifier", "新建区", "核实员", "xinjian"),
            new DemoAccount("honggutan-verifier", "红谷滩区", "核实员", "honggutan"),
            new DemoAccount("nanchangxian-verifier", "南昌县", "核实员", "nanchangxian"),
            new DemoAccount("anyi-verifier", "安义县", "核实员", "anyi"),
            new DemoAccount("jinxian-verifier", "进贤县", "核实员", "jinxian"),
            new DemoAccount("gaoxin-verifier", "高新区", "核实员", "gaoxin"),
            new DemoAccount("jingkai-verifier", "经开区", "核实员", "jingkai"),
            new DemoAccount("xiaolan-verifier", "小蓝经开区", "核实员", "xiaolan"),
            new DemoAccount("wanli-verifier", "湾里管理局", "核实员", "wanli"),

            // bound to their enterprises by db/demo (table enterprise_user); names are the demo contacts
            new DemoAccount("ent-hongdu", "张伟", "洪都精密", Groups.ENTERPRISE),
            new DemoAccount("ent-jixiang", "𠮷利民", "𠮷祥电子", Groups.ENTERPRISE),
            new DemoAccount("ent-ganjiang", "李娜", "赣江新材料", Groups.ENTERPRISE),
            new DemoAccount("ent-xiaolan", "王强", "小蓝汽车零部件", Groups.ENTERPRISE),
            new DemoAccount("ent-anyi", "刘洋", "安义铝材", Groups.ENTERPRISE));

    public static final List<String> USER_IDS = ALL.stream().map(DemoAccount::userId).toList();

    private DemoAccounts() {
    }
}
