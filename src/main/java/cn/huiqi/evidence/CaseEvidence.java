package cn.huiqi.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/cases/{caseNumber}/evidence}: the kinds the measure asks for (a labelled system default), the files,
 * the number of the latest send-back (补正; 0 = never sent back), whether the caller may add files now, and which
 * required documents have no file yet (per order for measure 1).
 */
record CaseEvidence(String caseNumber, String noteZh, String noteEn, List<Kind> kinds, int orders, int latestSendBack,
                    boolean canUpload, List<EvidenceItem> files, List<Missing> missing) {

    record Kind(String code, String zh, String en, boolean required, boolean perOrder) {
    }

    record Missing(String kind, String zh, String en, Integer orderIndex) {
    }

    static CaseEvidence of(String caseNumber, List<DocumentKind> kinds, int orders, int latestSendBack, boolean canUpload,
                           List<EvidenceItem> files) {
        List<Missing> missing = new ArrayList<>();
        for (DocumentKind kind : kinds) {
            if (!kind.required()) {
                continue;
            }
            if (kind.perOrder()) {
                for (int order = 1; order <= Math.max(1, orders); order++) {
                    int line = order;
                    if (files.stream().noneMatch(f -> f.kind().equals(kind.code()) && Integer.valueOf(line).equals(f.orderIndex()))) {
                        missing.add(new Missing(kind.code(), kind.label().zh(), kind.label().en(), line));
                    }
                }
            } else if (files.stream().noneMatch(f -> f.kind().equals(kind.code()))) {
                missing.add(new Missing(kind.code(), kind.label().zh(), kind.label().en(), null));
            }
        }
        return new CaseEvidence(caseNumber, RequiredDocuments.DEFAULT_NOTE.zh(), RequiredDocuments.DEFAULT_NOTE.en(),
                kinds.stream().map(k -> new Kind(k.code(), k.label().zh(), k.label().en(), k.required(), k.perOrder())).toList(),
                orders, latestSendBack, canUpload, files, List.copyOf(missing));
    }
}
