package cn.huiqi.guide;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 申兑指南: public, no login; what it shows is published anyway (policy, rules in force, rounds, limits, units). */
@RestController
@RequestMapping("/api/public/guides")
@Tag(name = "申兑指南 Guides", description = "各措施的申兑指南，由现行规则生成（公开，无需登录）/ Each measure's guide, generated from the rules in force (public, no login)")
class GuideController {

    private final Guides guides;

    GuideController(Guides guides) {
        this.guides = guides;
    }

    @GetMapping
    @SecurityRequirements
    @Operation(summary = "全部措施的指南目录 / Every measure's guide, in short")
    List<GuideApi.Summary> list() {
        return guides.list();
    }

    @GetMapping("/{measure}")
    @SecurityRequirements
    @Operation(summary = "一条措施的申兑指南 / One measure's guide", description = "未知的措施编号返回 404。 404 for an unknown measure id.")
    GuideApi.Guide get(@PathVariable String measure) {
        return guides.of(measure);
    }
}
