package cn.huiqi.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The board rows this node last wrote and saw committed, so that a case event costs one statement (an update guarded
 * by the row's token) instead of a read and a write. A row another node wrote since fails the guard and is read again
 * ({@link BoardWrites}).
 */
@Component
class RememberedRows {

    private static final int REMEMBERED = 10_000;

    private final Map<Long, BoardCase> rows = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, BoardCase> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** A copy of the row as last written, to change and write. */
    Optional<BoardCase> get(long caseId) {
        BoardCase row = rows.get(caseId);
        return row == null ? Optional.empty() : Optional.of(row.copy());
    }

    void committed(BoardCase row) {
        rows.put(row.caseId, row.copy());
    }

    void forget(long caseId) {
        rows.remove(caseId);
    }
}
