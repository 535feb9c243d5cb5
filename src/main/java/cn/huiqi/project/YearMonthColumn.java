package cn.huiqi.project;

import java.time.YearMonth;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A month as 'YYYY-MM' text: portable across H2 and MySQL, and it sorts as it should. */
@Converter
class YearMonthColumn implements AttributeConverter<YearMonth, String> {

    @Override
    public String convertToDatabaseColumn(YearMonth month) {
        return month == null ? null : month.toString();
    }

    @Override
    public YearMonth convertToEntityAttribute(String text) {
        return text == null ? null : YearMonth.parse(text);
    }
}
