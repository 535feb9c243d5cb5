package cn.huiqi.casefile;

import java.util.Optional;

/**
 * When a measure takes new applications (implemented by the application rounds, {@code cn.huiqi.round}).
 * Asked before a case is opened, on both ways of applying (the API and the Tasklist start form).
 */
public interface ApplicationPeriods {

    /**
     * The round a new application of this measure belongs to today; empty for a measure that takes
     * applications at any time. Throws {@link cn.huiqi.common.InvalidInputException} (400) naming the
     * application period when the measure takes no applications today.
     */
    Optional<Long> admit(String measure);
}
