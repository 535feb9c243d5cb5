package cn.huiqi.round;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface RoundRepository extends JpaRepository<ApplicationRound, Long> {

    List<ApplicationRound> findByMeasureOrderByOpensOnAscIdAsc(String measure);

    List<ApplicationRound> findAllByOrderByMeasureAscOpensOnAscIdAsc();

    /** The measure's rounds, locked: two concurrent openings or extensions of one measure run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ApplicationRound r where r.measure = ?1 order by r.opensOn, r.id")
    List<ApplicationRound> lockByMeasure(String measure);
}
