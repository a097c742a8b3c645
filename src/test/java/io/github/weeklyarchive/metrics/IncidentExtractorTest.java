package io.github.weeklyarchive.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentExtractorTest {

    @Test
    void everyIncidentOfTheSampleWithItsFields() throws Exception {
        IncidentExtractor.WeekIncidents week = IncidentExtractor.extract(MetricExtractorTest.sample(), MetricsConfig.defaults());
        assertTrue(week.reported());
        assertEquals(List.of(), week.problems());
        List<Incident> all = week.incidents();
        assertEquals(6, all.size());
        assertEquals(List.of("2023-02-19 19:29 :94", "2023-02-20 11:39 :99", "2023-02-21 11:29 :104", "2023-02-21 21:08 :109",
                        "2023-02-22 10:28 :114", "2023-02-23 23:00 :119"),
                all.stream().map(i -> i.date() + " " + i.time().orElse("") + " :" + i.line()).toList());

        Incident first = all.get(0);
        assertEquals("监控发现履约调用备件中台ocr校验持续有504报错，影响初审自动审核成功率，转至人工审核。", first.summary());
        assertEquals("联系相关研发，19:40服务恢复", first.handling());
        assertEquals("调用备件中台ocr服务故障", first.cause());
        assertEquals(List.of(), first.impact());

        Incident oom = all.get(2);
        assertEquals("钱包发出OOM告警，造成统一鉴权部分接口超时。", oom.summary());
        assertEquals("1.联系SRE对故障节点摘流后重启。2. 补齐该查询接口参数校验逻辑，并增加查询操作为空的sql监控和报警。", oom.handling());
        assertEquals("钱包用户信息查询接口，参数校验缺失造成OOM", oom.cause());

        Incident swagger = all.get(3);
        assertEquals("关闭外网访问，并下线研发测试API文档(Swagger)互联网访问权限。", swagger.handling());
        assertEquals("部分提供给贝壳业务系统内网访问的API，没有关闭外网访问。", swagger.cause());

        // The last one writes 原因 before 处置, and states its impact.
        Incident certificate = all.get(5);
        assertEquals("银联和银商条码证书切换异常，且回滚时间长达15分钟，具体原因待分析", certificate.cause());
        assertEquals("1. 与银商协调沟通下次证书切换时间，避开月结；2. [长期] 完善通道商户进件和维护期路由切换流程。", certificate.handling());
        assertEquals(List.of("266笔", "136笔", "130笔"), certificate.impact());
        assertEquals("content/2023/2023-02-24-week09.md:119", certificate.location());
    }

    @Test
    void noneThisWeekIsAWeekWithZeroIncidentsNotAMissingWeek() {
        IncidentExtractor.WeekIncidents none = IncidentExtractor.extract(
                MetricExtractorTest.report("## 【生产稳定性事件】\n\n- 本周无\n"), MetricsConfig.defaults());
        assertTrue(none.reported());
        assertEquals(List.of(), none.incidents());
        IncidentExtractor.WeekIncidents silent = IncidentExtractor.extract(
                MetricExtractorTest.report("## 进展\n\n- 一切正常\n"), MetricsConfig.defaults());
        assertFalse(silent.reported());
    }

    @Test
    void aDecemberIncidentInAJanuaryReportBelongsToTheYearBefore() {
        IncidentExtractor.WeekIncidents week = IncidentExtractor.extract(io.github.weeklyarchive.report.ReportParser.parse("content/w.md",
                "# 第01周 2024-01-05\n\n## 生产稳定性事件\n\n- 12/30 08:15 B级 支付通道超时\n处置：切换备用通道\n").report().orElseThrow(),
                MetricsConfig.defaults());
        Incident incident = week.incidents().get(0);
        assertEquals(LocalDate.of(2023, 12, 30), incident.date());
        assertEquals(Optional.of("B级"), incident.grade());
        assertEquals("切换备用通道", incident.handling());
    }

    @Test
    void theIncidentHeadingIsConfigurable() {
        MetricsConfig config = MetricsConfig.parse("metrics.yaml", "incidents:\n  headings: [线上故障]\n").config();
        IncidentExtractor.WeekIncidents week = IncidentExtractor.extract(
                MetricExtractorTest.report("## 线上故障\n\n- 2/20 10:00 网关重启\n原因：内存泄漏\n"), config);
        assertEquals("内存泄漏", week.incidents().get(0).cause());
    }
}
