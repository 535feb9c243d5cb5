package cn.huiqi.financing;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/financing")
class GuideFundController {

    private final GuideFunds funds;

    GuideFundController(GuideFunds funds) {
        this.funds = funds;
    }

    @GetMapping("/guide-funds")
    @Operation(summary = "第8条的三只引导基金（管理人、投向未公开处标注系统默认值）/ The guide funds of article 8 (signed-in users)")
    List<GuideFunds.Fund> catalogue() {
        return funds.catalogue();
    }

    @GetMapping("/equity-requests")
    @Operation(summary = "股权融资申请（企业：本企业的；市产投集团、市金融办：全部；属地：本地企业的）/ Equity-financing requests")
    List<GuideFunds.RequestView> list() {
        return funds.list();
    }

    @PostMapping("/equity-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "企业提出股权融资申请 / An enterprise requests equity financing")
    GuideFunds.RequestView submit(@RequestBody GuideFunds.RequestBody body) {
        return funds.submit(body);
    }

    @GetMapping("/equity-requests/{id}")
    @Operation(summary = "一件股权融资申请及其记录 / One equity-financing request with its log")
    GuideFunds.RequestView one(@PathVariable long id) {
        return funds.one(id);
    }

    @PostMapping("/equity-requests/{id}/steps")
    @Operation(summary = "市产投集团筛选：推荐至基金管理人、尽职调查、已投资或未获投资（留痕）/ ctjt screens a request, each step logged")
    GuideFunds.RequestView step(@PathVariable long id, @RequestBody GuideFunds.StepBody body) {
        return funds.step(id, body);
    }
}
