package cn.huiqi.assistance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface DemandRepository extends JpaRepository<Demand, Long> {

    Optional<Demand> findByHotlineTicket(String hotlineTicket);

    List<Demand> findByHotlineTicketIn(java.util.Collection<String> hotlineTickets);

    List<Demand> findByVisitId(Long visitId);
}
