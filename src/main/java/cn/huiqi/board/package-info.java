/**
 * 兑现看板 Fulfilment board (measure 9, issue 19): per measure and locality, applications, approvals, rejections,
 * payments against the pools and the package fund, working days per stage and end to end, on-time rate, overdue now and
 * the weekly trend, from one read model ({@code board_case}) fed by the case events in their own transaction; drill-down
 * to the cases the caller may read, the xlsx, /board.html (docs/fulfilment.md "兑现看板").
 */
@ApplicationModule(displayName = "兑现看板 Fulfilment board",
        allowedDependencies = { "common", "catalogue", "unit", "identity", "calendar", "casefile", "claim", "fund", "timelimit" })
package cn.huiqi.board;

import org.springframework.modulith.ApplicationModule;
