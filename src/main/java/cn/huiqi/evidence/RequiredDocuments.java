package cn.huiqi.evidence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.huiqi.common.Label;

/**
 * The documents one measure asks its applicants for, declared as a bean in the measure's own package next to its
 * {@code catalogue.Measure}. The policy (洪府办发〔2023〕81号) lists no documents: every list is the system's default,
 * labelled {@link #DEFAULT_NOTE}, for policy staff to confirm.
 */
public record RequiredDocuments(String measure, List<DocumentKind> kinds) {

    public static final Label DEFAULT_NOTE = Label.of("材料清单为系统默认，政策原文未列明，待政策部门确认",
            "The list of documents is the system's default (the policy text names none), for policy staff to confirm");
    /** Every measure also takes further documents the enterprise thinks useful. */
    public static final DocumentKind OTHER = DocumentKind.optional("OTHER", "其他材料", "Other documents");

    public RequiredDocuments {
        Objects.requireNonNull(measure, "measure");
        kinds = List.copyOf(kinds);
        if (kinds.stream().map(DocumentKind::code).distinct().count() != kinds.size()) {
            throw new IllegalArgumentException("measure " + measure + ": a document kind twice");
        }
    }

    public Optional<DocumentKind> kind(String code) {
        return kinds.stream().filter(k -> k.code().equals(code)).findFirst();
    }
}
