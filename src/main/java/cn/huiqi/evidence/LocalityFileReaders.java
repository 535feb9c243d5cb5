package cn.huiqi.evidence;

import cn.huiqi.identity.Caller;

/**
 * Who besides the locality itself (and policy staff, auditors) may download a locality's file: declared by the module
 * the file serves (e.g. {@code evaluation}: the lead bureau and the statistics bureau for an evaluation figure's
 * evidence), since evidence knows nothing of it. Default deny: without a bean saying yes, nobody else.
 */
public interface LocalityFileReaders {

    /** @param attachedTo what the file is attached to ({@code evaluation-figure:12}), null while it is not */
    boolean mayRead(Caller caller, String unitId, String measure, String attachedTo);
}
