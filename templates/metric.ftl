<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<#assign s = content.series.summary points = content.series.points>
<@layout.page title=s.name section="metrics" image=s.png description="${s.name} ${s.latest!''}${s.unit}">
<header class="metric-header">
  <p class="eyebrow"><a href="${base}${urls.metrics}">${t.metrics}</a><#if s.section?has_content> · ${s.section}</#if></p>
  <h1>${s.name}</h1>
  <p class="metric-summary">
    <span class="metric-value">${s.latest!"—"}<small>${s.unit}</small></span>
    <#if s.change?has_content><@layout.change c=s prefix=true/></#if>
    <#if s.target?has_content><span class="badge<#if s.missed> bad</#if>">${t.target} ${s.target}<#if s.missed> · ${t.targetMissed}</#if></span></#if>
    <span class="muted">${t.weeksWithData?replace("{0}", s.weeks?c)}</span>
  </p>
</header>
<figure class="card chart-card">
  <@layout.chart files=s.chart alt=t.chartOf?replace("{0}", s.name)/>
</figure>
<h2>${t.valuesTable}</h2>
<div class="table-wrap">
<table class="values">
  <thead><tr><th>${t.date}</th><th>${t.week}</th><th class="num">${t.value}</th><th>${t.note}</th><th>${t.source}</th></tr></thead>
  <tbody>
  <#list points as p>
    <tr<#if p.missed> class="missed"</#if>>
      <td><a href="${base}${p.uri}">${p.date}</a></td>
      <td>${p.week}</td>
      <td class="num">${p.value}${s.unit}</td>
      <td><#if p.delta?has_content>${t.change} ${p.delta}</#if><#if p.qualifier?has_content> ${p.qualifier}</#if></td>
      <td class="muted source">${p.source}</td>
    </tr>
  </#list>
  </tbody>
</table>
</div>
</@layout.page>
