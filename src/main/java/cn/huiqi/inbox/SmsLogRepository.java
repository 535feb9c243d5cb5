package cn.huiqi.inbox;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SmsLogRepository extends JpaRepository<SmsLogEntry, Long> {

    List<SmsLogEntry> findByMessageIdIn(List<Long> messageIds);
}
