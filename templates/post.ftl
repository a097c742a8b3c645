<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<#assign page = content.page>
<@layout.page title=content.title description="${content.week} ${content.date?string(t.dateFormat)}">
<article class="week" data-date="${content.date?string("yyyy-MM-dd")}">
  <header class="week-header">
    <#if content.badge?has_content><p class="week-label">${content.badge}</p></#if>
    <h1 class="week-title">${content.title}</h1>
    <p class="week-meta">
      <time datetime="${content.date?string("yyyy-MM-dd")}">${content.date?string(t.dateFormat)}</time>
      <#if page.exported??><span class="week-exported">${t.exported?replace("{0}", page.exported)}</span></#if>
      <#list content.tags![] as tag><#if tag?has_content><a class="tag" href="${base}${config.tag_path!"tags"}/${tag?url_path("UTF-8")}.html">${tag}</a></#if></#list>
    </p>
    <#if page.metrics?has_content>
    <ul class="chips" aria-label="${t.metrics}">
      <#-- Named metrics come first; a busy week shows eight and links to the rest on the dashboard. -->
      <#list page.metrics as chip>
      <li><a class="chip" href="${base}${chip.uri}">${chip.name} <strong>${chip.value}${chip.unit}</strong><#if chip.change?has_content> <@layout.change c=chip/></#if></a></li>
      </#list>
      <#if (page.metricCount > page.metrics?size)><li><a class="chip chip-more" href="${base}${urls.metrics}">${t.allMetrics} (${page.metricCount}) →</a></li></#if>
      <#if (page.incidents > 0)><li><a class="chip chip-incidents" href="${base}${urls.incidents}">${t.incidentsThisWeek?replace("{0}", page.incidents?c)}</a></li></#if>
    </ul>
    </#if>
  </header>
  <#if page.due?has_content>
  <section class="due-this-week card" aria-labelledby="due-heading">
    <h2 id="due-heading" class="eyebrow">${t.dueThisWeek}</h2>
    <ul>
      <#list page.due as d>
      <li><a href="${base}${d.uri}">${d.subject}</a> <span class="commitment-action">${d.action}</span> <span class="muted due-date">${t.dueOn?replace("{0}", d.due)}</span>
        <span class="outcome ${d.outcomeClass}">${d.outcome}</span><#if d.later?has_content> <span class="muted">· ${d.later}</span></#if></li>
      </#list>
    </ul>
  </section>
  </#if>
  <div class="week-layout<#if !page.toc?has_content> no-toc</#if>">
    <#if page.toc?has_content>
    <details class="toc" id="toc">
      <summary>${t.contents}</summary>
      <ol>
        <#list page.toc as entry>
        <li class="toc-level-${entry.depth}"><a href="#${entry.id}">${entry.text}</a></li>
        </#list>
      </ol>
    </details>
    </#if>
    <div class="week-body">
      ${content.body?no_esc}
    </div>
  </div>
  <nav class="prev-next" aria-label="${t.previous} / ${t.next}">
    <#if page.prev??>
      <a class="prev" rel="prev" href="${base}${page.prev.uri}"><span>← ${t.previous}</span><#if page.prev.week?has_content><strong>${page.prev.week}</strong> </#if>${page.prev.title}</a>
    <#else><span></span></#if>
    <#if page.next??>
      <a class="next" rel="next" href="${base}${page.next.uri}"><span>${t.next} →</span><#if page.next.week?has_content><strong>${page.next.week}</strong> </#if>${page.next.title}</a>
    </#if>
  </nav>
</article>
</@layout.page>
