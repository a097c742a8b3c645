<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.projects section="projects">
<h1>${t.projects}</h1>
<#if content.projects?has_content>
  <#list content.projects as p>
  <section class="project card">
    <h2><a href="${base}${p.uri}">${p.name}</a></h2>
    <ul class="progress-list">
      <#list p.items as s>
      <li>
        <a href="${base}${s.uri}">${s.name}</a>
        <progress class="progress" max="100" value="${s.latest?number?c}" aria-label="${s.name}">${s.latest}%</progress>
        <span class="num">${s.latest}%</span><#if s.change?has_content> <@layout.change c=s/></#if>
      </li>
      </#list>
    </ul>
  </section>
  </#list>
<#else>
  <p class="empty">${t.noProjects}</p>
</#if>
</@layout.page>
