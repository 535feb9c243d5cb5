package cn.huiqi.identity;

import java.util.List;

/** The authenticated user of the current request or engine command, with its group (= unit) ids. */
public record Caller(String userId, List<String> groupIds) {

    public Caller {
        groupIds = List.copyOf(groupIds);
    }

    public boolean isIn(String groupId) {
        return groupIds.contains(groupId);
    }

    public boolean isInAny(String... ids) {
        for (String id : ids) {
            if (groupIds.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
