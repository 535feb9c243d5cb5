package cn.huiqi.casefile;

import java.util.Map;

/** A measure's typed application body (the API's), turned into the fields its start form would submit. */
public interface ApplicationRequest {

    /** The same names as the start form's fields, so one {@link ApplicationType#validate} serves both. */
    Map<String, Object> asFormFields();
}
