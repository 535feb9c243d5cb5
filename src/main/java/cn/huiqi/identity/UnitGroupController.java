package cn.huiqi.identity;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitApi;

/** The administration of the handling units (GET /api/units, the list, is the unit module's). */
@RestController
@RequestMapping("/api/units")
class UnitGroupController {

    private final UnitGroups unitGroups;

    UnitGroupController(UnitGroups unitGroups) {
        this.unitGroups = unitGroups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加办理单位及其组（留痕；Keycloak 配置下须先在 Keycloak 建组）/ Add a handling unit and its group, audited;"
            + " with Keycloak the group must exist there first (camunda-admin)")
    Unit add(@RequestBody UnitApi.NewUnit request) {
        return unitGroups.add(request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改办理单位名称、停用或标记联络单位（留痕）/ Rename a handling unit, retire it or mark it liaison, audited (camunda-admin)")
    Unit update(@PathVariable String id, @RequestBody UnitApi.UnitChange request) {
        return unitGroups.update(id, request);
    }

    @GetMapping("/changes")
    @Operation(summary = "单位修改记录 / The units' change log (camunda-admin, auditor)")
    List<UnitApi.ChangeView> changes() {
        return unitGroups.changes();
    }
}
