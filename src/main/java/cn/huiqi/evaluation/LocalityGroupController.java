package cn.huiqi.evaluation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The default locality groups (系统默认值): gxj, policy staff and auditors read them, gxj changes them; everyone else 403. */
@RestController
@RequestMapping("/api/evaluations/locality-groups")
@Tag(name = "地区评价 Locality evaluation", description = "地区分组（系统默认值）/ Locality groups (system default)")
class LocalityGroupController {

    private final LocalityGroupSettings settings;

    LocalityGroupController(LocalityGroupSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "地区分组（系统默认值）及调整记录 / Locality groups (system default) and their changes (gxj, policy staff, auditors)")
    EvaluationApi.LocalityGroupsView view() {
        return settings.view();
    }

    @PutMapping
    @Operation(summary = "调整地区分组，须写明理由（留痕；只适用于此后开设的轮次）/ Change locality groups with a reason, audited; applies to rounds opened afterwards (gxj)")
    EvaluationApi.LocalityGroupsView change(@RequestBody(required = false) EvaluationApi.GroupsRequest request) {
        return settings.change(request);
    }
}
