package cn.huiqi.financing;

import java.util.Set;

/** A consent as the enterprise gives it: with whom (all institutions or the chosen active ones) and which fields. */
record ConsentTerms(Audience audience, Set<SharedField> fields, Set<String> institutions) {

    ConsentTerms {
        fields = Set.copyOf(fields);
        institutions = institutions == null ? Set.of() : Set.copyOf(institutions);
    }
}
