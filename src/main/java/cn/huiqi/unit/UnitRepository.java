package cn.huiqi.unit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, String> {

    List<Unit> findAllByOrderBySortOrder();

    List<Unit> findByKindOrderBySortOrder(Unit.Kind kind);
}
