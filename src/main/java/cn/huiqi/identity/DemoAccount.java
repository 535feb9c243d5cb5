package cn.huiqi.identity;

/**
 * One quick-start login. Camunda shows "firstName lastName", so the unit (or contact person) goes
 * first and the role second: "东湖区 核实员".
 */
public record DemoAccount(String userId, String firstName, String lastName, String groupId) {
}
