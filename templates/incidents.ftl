<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.incidents section="incidents">
<h1>${t.incidents}</h1>
<#if (content.weeksReported > 0)>
<p class="lead">${t.incidentCount?replace("{0}", content.count?c)?replace("{1}", content.weeksReported?c)}</p>
<figure class="card chart-card">
  <@layout.chart files=content.chart alt=t.chartOf?replace("{0}", t.incidents)/>
</figure>
</#if>
<#if content.months?has_content>
  <#list content.months as month>
  <section class="incident-month" id="m${month.month}">
    <h2>${month.month}</h2>
    <ol class="incident-list">
    <#list month.incidents as i>
      <li class="incident card" id="i-${i.date}-${i?index}">
        <p class="incident-when"><time datetime="${i.date}">${i.day}</time><#if i.time?has_content> ${i.time}</#if><#if i.grade?has_content> <span class="badge bad">${i.grade}</span></#if>
          <a class="muted" href="${base}${i.weekUri}">${i.week}</a></p>
        <p class="incident-summary">${i.summary}</p>
        <dl>
          <#if i.impact?has_content><dt>${t.impact}</dt><dd>${i.impact}</dd></#if>
          <#if i.handling?has_content><dt>${t.handling}</dt><dd>${i.handling}</dd></#if>
          <#if i.cause?has_content><dt>${t.cause}</dt><dd>${i.cause}</dd></#if>
        </dl>
      </li>
    </#list>
    </ol>
  </section>
  </#list>
  <p class="downloads">${t.download}: <a href="${base}${urls.incidentsCsv}">incidents.csv</a> · <a href="${base}${urls.incidentsJson}">incidents.json</a></p>
<#else>
  <p class="empty">${t.noIncidents}</p>
</#if>
</@layout.page>
