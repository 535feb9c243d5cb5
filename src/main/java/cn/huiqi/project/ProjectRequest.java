package cn.huiqi.project;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/projects} and {@code PUT /api/projects/{id}}; checked by {@link ProjectInput}. */
@Schema(description = "项目库项目 / A project of the project library (措施4 Measure 4)")
public record ProjectRequest(
        @Schema(description = "项目单位（业主企业）编号，修改时不可变更 / Owner enterprise id; cannot change on update",
                example = "1")
        Long enterpriseId,
        @Schema(description = "属地单位编号，缺省为企业所在属地 / Locality unit id; defaults to the owner's locality",
                example = "donghu", maxLength = 32)
        String localityUnitId,
        @Schema(description = "项目名称，同一企业内不可重复 / Project name, unique per enterprise",
                example = "年产50万套精密轴承扩建项目", maxLength = 200)
        String name,
        @Schema(description = "项目类型：new 新建 / renovation 技术改造 / Project type", example = "new",
                allowableValues = {"new", "renovation"})
        String type,
        @Schema(description = "计划总投资（元），十进制字符串，至多两位小数 / Planned total investment in CNY, decimal string",
                example = "300000000.00")
        String plannedTotalInvestment,
        @Schema(description = "计划设备投资（元），不得超过计划总投资，可为0 / Planned equipment investment in CNY, at most the total, may be 0",
                example = "120000000.00")
        String plannedEquipmentInvestment,
        @Schema(description = "计划开工日期 / Planned start (YYYY-MM-DD)", example = "2023-03-01")
        String plannedStart,
        @Schema(description = "计划完工日期，不得早于计划开工 / Planned completion (YYYY-MM-DD), not before the planned start",
                example = "2024-06-30")
        String plannedCompletion,
        @Schema(description = "实际开工日期（可空，不得晚于今天） / Actual start (YYYY-MM-DD), optional, not in the future",
                example = "2023-03-15")
        String actualStart,
        @Schema(description = "实际完工日期（可空，须有实际开工且不早于它，不得晚于今天） / Actual completion (YYYY-MM-DD), optional; needs an actual start and is not before it, not in the future")
        String actualCompletion,
        @Schema(description = "是否重大项目 / Major project (重大项目)", example = "true")
        Boolean major) {
}
