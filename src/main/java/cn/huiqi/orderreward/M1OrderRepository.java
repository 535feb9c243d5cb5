package cn.huiqi.orderreward;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface M1OrderRepository extends JpaRepository<M1Order, Long> {

    List<M1Order> findByCaseIdOrderByLineNo(Long caseId);

    List<M1Order> findByCaseIdInOrderByCaseIdAscLineNoAsc(List<Long> caseIds);

    Optional<M1Order> findByContractKey(String contractKey);
}
