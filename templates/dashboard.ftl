<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.metrics section="metrics">
<h1>${t.metrics}</h1>
<#if content.numbersAsOf??><p class="muted as-of">${content.numbersAsOf}</p></#if>
<#if content.series?has_content || content.stopped?has_content>
<div class="metric-grid">
  <#list content.series as s><@layout.metricCard s=s/></#list>
</div>
<#if content.stopped?has_content>
<h2>${t.noLongerReported}</h2>
<ul class="stopped">
  <#list content.stopped as s><li><a href="${base}${s.uri}">${s.name}</a> ${s.latest}${s.unit} <span class="muted">${t.lastReported?replace("{0}", s.latestDate)}</span></li></#list>
</ul>
</#if>
<p class="downloads">${t.download}: <a href="${base}${urls.metricsCsv}">metrics.csv</a> · <a href="${base}${urls.metricsJson}">metrics.json</a></p>
<#else>
<p class="empty">${t.noMetrics}</p>
</#if>
</@layout.page>
