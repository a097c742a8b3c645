<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.metrics section="metrics">
<h1>${t.metrics}</h1>
<#if content.series?has_content>
<div class="metric-grid">
  <#list content.series as s><@layout.metricCard s=s/></#list>
</div>
<p class="downloads">${t.download}: <a href="${base}data/metrics.csv">metrics.csv</a> · <a href="${base}data/metrics.json">metrics.json</a></p>
<#else>
<p class="empty">${t.noMetrics}</p>
</#if>
</@layout.page>
