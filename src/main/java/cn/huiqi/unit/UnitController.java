package cn.huiqi.unit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
class UnitController {

    private final UnitRepository units;

    public UnitController(UnitRepository units) {
        this.units = units;
    }

    /** The units of the policy: 13 localities and the city units, in the policy's order. */
    @GetMapping
    public List<Unit> list() {
        return units.findAllByOrderBySortOrder();
    }
}
