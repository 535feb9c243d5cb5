package cn.huiqi.workflow;

import java.util.List;

/** A capability's task contracts; every bean of this type is collected by {@link TaskContracts}. */
public interface TaskContractDeclarations {

    List<TaskContract> taskContracts();
}
