package cn.huiqi.inbox;

/** Who a message is for: one login, every member of a unit (a Camunda group), or every login acting for an enterprise. */
record Recipient(Kind kind, String id) {

    enum Kind { USER, UNIT, ENTERPRISE }

    static Recipient user(String userId) {
        return new Recipient(Kind.USER, userId);
    }

    static Recipient unit(String unitId) {
        return new Recipient(Kind.UNIT, unitId);
    }

    static Recipient enterprise(long enterpriseId) {
        return new Recipient(Kind.ENTERPRISE, Long.toString(enterpriseId));
    }
}
