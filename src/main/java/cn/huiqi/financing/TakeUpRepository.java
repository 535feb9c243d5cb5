package cn.huiqi.financing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TakeUpRepository extends JpaRepository<TakeUp, Long> {

    List<TakeUp> findByCaseIdOrderById(long caseId);

    List<TakeUp> findByCaseIdAndStatusIn(long caseId, Collection<TakeUpStatus> statuses);

    long countByCaseIdAndStatus(long caseId, TakeUpStatus status);

    Optional<TakeUp> findByCaseIdAndInstitutionAndPublication(long caseId, String institution, int publication);

    List<TakeUp> findByCaseIdAndInstitutionOrderById(long caseId, String institution);

    List<TakeUp> findByInstitutionOrderByIdDesc(String institution);
}
