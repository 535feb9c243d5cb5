package cn.huiqi.evaluation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Measure 6's safety veto (docs/evaluation.md "Scoring and ranking"); 市工信局 (gxj) only, everyone else 403. */
@RestController
@RequestMapping("/api/evaluations/vetoes")
@Tag(name = "地区评价 Locality evaluation", description = "措施6安全生产否决 / Measure 6 safety veto")
class SafetyVetoController {

    private final SafetyVetoes vetoes;

    SafetyVetoController(SafetyVetoes vetoes) {
        this.vetoes = vetoes;
    }

    @GetMapping
    @Operation(summary = "安全生产否决（含已撤销）/ Safety vetoes, revoked ones included (gxj)")
    List<SafetyVetoApi.VetoView> list(@RequestParam(required = false) Integer year) {
        return vetoes.list(year);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "录入安全生产否决：年度、属地、理由、证明材料（留痕）/ Enter a safety veto with reason and evidence, audited (gxj)")
    SafetyVetoApi.VetoView enter(@RequestBody SafetyVetoApi.EnterRequest request) {
        return vetoes.enter(request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "撤销安全生产否决，须写明理由（记录保留）/ Revoke a safety veto with a reason; the record stays (gxj)")
    SafetyVetoApi.VetoView revoke(@PathVariable long id, @RequestBody(required = false) SafetyVetoApi.RevokeRequest request) {
        return vetoes.revoke(id, request);
    }
}
