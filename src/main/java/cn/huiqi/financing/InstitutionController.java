package cn.huiqi.financing;

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

@RestController
@RequestMapping("/api/financing/institutions")
class InstitutionController {

    private final InstitutionAdministration administration;

    InstitutionController(InstitutionAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "金融机构名录（市金融办等含联系人；企业只见启用的机构）/ The register of financial institutions")
    List<InstitutionAdministration.View> list() {
        return administration.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新增金融机构及其组（留痕；camunda-admin、市金融办）/ Add a financial institution and its group, audited (admin, jrb)")
    InstitutionAdministration.View add(@RequestBody InstitutionAdministration.Body body) {
        return administration.add(body);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改金融机构名称、类型、联系人或停用（留痕；camunda-admin、市金融办）/ Rename, re-classify or retire an institution, audited")
    InstitutionAdministration.View update(@PathVariable String id, @RequestBody InstitutionAdministration.Body body) {
        return administration.update(id, body);
    }
}
