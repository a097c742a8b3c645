<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<#assign p = content.project>
<@layout.page title=p.name section="projects">
<p class="eyebrow"><a href="${base}${urls.projects}">${t.projects}</a></p>
<h1>${p.name}</h1>
<figure class="card chart-card">
  <@layout.chart files=p.chart alt=t.chartOf?replace("{0}", p.name)/>
</figure>
<ul class="progress-list card">
  <#list p.items as s>
  <li>
    <a href="${base}${s.uri}">${s.name}</a>
    <progress class="progress" max="100" value="${s.latest?number?c}" aria-label="${s.name}">${s.latest}%</progress>
    <span class="num">${s.latest}%</span><#if s.change?has_content> <@layout.change c=s/></#if>
    <span class="muted">${s.latestDate}</span>
  </li>
  </#list>
</ul>
</@layout.page>
