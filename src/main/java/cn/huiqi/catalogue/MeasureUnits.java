package cn.huiqi.catalogue;

import java.util.List;
import java.util.Map;

import cn.huiqi.common.Label;

/**
 * The city units each measure involves, as the routing table in force names them (implemented where the routing
 * lives, {@code review}): shown with the catalogue, never a second list.
 */
public interface MeasureUnits {

    record UnitRef(String id, Label name) {
    }

    /** review: the units that each review (in order); finance: null for a measure that pays nothing; problem: why there are none. */
    record Units(List<UnitRef> review, UnitRef lead, UnitRef finance, Label problem) {
    }

    /** Units per measure id. */
    Map<String, Units> of(List<Measure> measures);
}
