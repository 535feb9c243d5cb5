package cn.huiqi.fund;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Reading pool rows; locking and changing them is {@link FundLedger}'s and {@link FundPoolSetup}'s business. */
interface FundPoolRepository extends Repository<FundPool, String> {

    List<FundPool> findAllByOrderBySortOrderAsc();
}
