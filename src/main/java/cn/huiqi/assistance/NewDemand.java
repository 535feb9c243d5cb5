package cn.huiqi.assistance;

import java.util.List;

import cn.huiqi.enterprise.Enterprise;

/**
 * A demand to open, already checked by the way it came in (the enterprise's API, a visit record, a hotline file).
 *
 * @param visitId        the visit that found it (origin VISIT), else null
 * @param hotlineTicket  the 12345 ticket number (origin HOTLINE), else null; unique: one demand per ticket
 * @param idempotencyKey the enterprise's retry key (origin ENTERPRISE), else null
 */
record NewDemand(Enterprise enterprise, DemandOrigin origin, DemandCategory category, DemandScope scope, Utility utility,
                 String title, String description, Long visitId, String hotlineTicket, String idempotencyKey,
                 List<Long> evidenceDrafts) {

    NewDemand {
        evidenceDrafts = evidenceDrafts == null ? List.of() : List.copyOf(evidenceDrafts);
    }
}
