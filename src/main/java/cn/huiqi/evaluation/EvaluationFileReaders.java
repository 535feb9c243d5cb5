package cn.huiqi.evaluation;

import org.springframework.stereotype.Component;

import cn.huiqi.evidence.LocalityFileReaders;
import cn.huiqi.identity.Caller;

/**
 * Who reads a locality's evidence of a self-reported figure besides the locality itself: those who read every
 * locality's figures (gxj, the statistics bureau, policy staff, auditors). Another locality does not.
 */
@Component
class EvaluationFileReaders implements LocalityFileReaders {

    @Override
    public boolean mayRead(Caller caller, String unitId, String measure, String attachedTo) {
        return attachedTo != null && attachedTo.startsWith("evaluation-figure:") && EvaluationAccess.readsAll(caller);
    }
}
