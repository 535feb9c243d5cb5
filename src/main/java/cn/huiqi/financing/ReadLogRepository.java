package cn.huiqi.financing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReadLogRepository extends JpaRepository<ReadLog, Long> {

    List<ReadLog> findByCaseIdOrderByReadAtDescIdDesc(long caseId);
}
