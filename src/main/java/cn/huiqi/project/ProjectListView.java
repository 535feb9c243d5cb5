package cn.huiqi.project;

import java.time.YearMonth;
import java.util.List;

/** One of the three lists for a month (and optionally one locality), as JSON. */
record ProjectListView(String list, String titleZh, String titleEn, YearMonth month, String locality,
                              String definitionZh, String definitionEn, int count, List<ProjectView> rows) {
}
