package cn.huiqi.fund;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;


/** Append-only: saving and reading, no update, no delete. */
interface FundEntryRepository extends Repository<FundEntry, Long> {

    FundEntry save(FundEntry entry);

    List<FundEntry> findByCaseIdOrderByIdAsc(Long caseId);

    /** Sums per pool, kind and release source: [poolId, kind, releasedFrom, sum]. */
    @Query("select e.poolId, e.kind, e.releasedFrom, sum(e.amount) from FundEntry e group by e.poolId, e.kind, e.releasedFrom")
    List<Object[]> totalsByPool();

    /** Sums per locality of the case, kind and release source: [localityUnitId, kind, releasedFrom, sum]. */
    @Query("select c.localityUnitId, e.kind, e.releasedFrom, sum(e.amount) from FundEntry e, CaseRecord c"
            + " where c.id = e.caseId group by c.localityUnitId, e.kind, e.releasedFrom")
    List<Object[]> totalsByLocality();

    @Query("select c.localityUnitId, e.kind, e.releasedFrom, sum(e.amount) from FundEntry e, CaseRecord c"
            + " where c.id = e.caseId and e.poolId = :poolId group by c.localityUnitId, e.kind, e.releasedFrom")
    List<Object[]> totalsByLocality(@Param("poolId") String poolId);

    /** [localityUnitId, number of cases with at least one entry]. */
    @Query("select c.localityUnitId, count(distinct e.caseId) from FundEntry e, CaseRecord c"
            + " where c.id = e.caseId group by c.localityUnitId")
    List<Object[]> casesByLocality();

    @Query("select c.localityUnitId, count(distinct e.caseId) from FundEntry e, CaseRecord c"
            + " where c.id = e.caseId and e.poolId = :poolId group by c.localityUnitId")
    List<Object[]> casesByLocality(@Param("poolId") String poolId);
}
