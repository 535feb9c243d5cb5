package cn.huiqi.unit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UnitRepository extends JpaRepository<Unit, String> {

    /** The localities and city units (handling units among them), in the policy's order: never a financial institution. */
    @Query("select u from Unit u where u.kind <> cn.huiqi.unit.Unit.Kind.INSTITUTION order by u.sortOrder")
    List<Unit> findAllByOrderBySortOrder();

    List<Unit> findByKindOrderBySortOrder(Unit.Kind kind);
}
