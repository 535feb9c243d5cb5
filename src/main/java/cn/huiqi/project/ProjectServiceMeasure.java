package cn.huiqi.project;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.Label;

/** Measure 4: the project library (started, completed and major projects in progress); no applications, no money. */
@Configuration(proxyBeanMethods = false)
class ProjectServiceMeasure {

    static final String ID = "M4";

    @Bean("measure" + ID)
    Measure projectService() {
        return new Measure(ID, PolicyDocuments.NANCHANG_2023_81, "第4条",
                Label.of("强化项目服务", "Strengthen project services"),
                ApplicantKind.NONE, List.of(), List.of(), false, true);
    }
}
