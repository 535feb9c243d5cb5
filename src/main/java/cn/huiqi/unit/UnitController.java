package cn.huiqi.unit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
class UnitController {

    private final UnitRepository units;

    public UnitController(UnitRepository units) {
        this.units = units;
    }

    /**
     * The units of the policy: 13 localities and the city units, in the policy's order, then the handling units of
     * enterprise demands (measure 7), each with its flags {@code handling}, {@code liaison}, {@code active} and
     * {@code labelledDefault}. {@code ?handling=true}: the handling units only. Changes: admin-only POST/PUT
     * ({@code identity.UnitGroupController}).
     */
    @GetMapping
    public List<Unit> list(@RequestParam(name = "handling", required = false) Boolean handling) {
        List<Unit> all = units.findAllByOrderBySortOrder();
        return handling == null ? all : all.stream().filter(u -> u.isHandling() == handling).toList();
    }
}
