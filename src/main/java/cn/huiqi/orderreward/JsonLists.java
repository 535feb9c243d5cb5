package cn.huiqi.orderreward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.common.InvalidInputException;

/**
 * A list of rows as it arrives: a Java list (the engine's Java API, the app's REST API), or JSON
 * (Tasklist submits a form's dynamic list as a variable of type Json; Camunda's REST API as Json or
 * a string). Any other shape is a field error, never a 500.
 */
@Component
class JsonLists {

    private final ObjectMapper json;

    JsonLists(ObjectMapper json) {
        this.json = json;
    }

    /** null when absent; the rows otherwise (a row that is not an object becomes an empty row). */
    List<Map<String, Object>> read(Object raw, String field) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof List<?> list) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object row : list) {
                rows.add(row instanceof Map<?, ?> map ? stringKeys(map) : Map.of());
            }
            return rows;
        }
        String text = raw.toString(); // a Spin JSON node prints as its JSON
        try {
            List<Object> parsed = json.readValue(text, new TypeReference<List<Object>>() { });
            return read(parsed, field);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "列表格式不正确：应为对象的列表", "Not a list of objects");
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> row = new LinkedHashMap<>();
        map.forEach((k, v) -> row.put(String.valueOf(k), v));
        return row;
    }
}
