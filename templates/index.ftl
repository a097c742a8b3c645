<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page section="home" description=config.site_description!"">
<#if published_posts?has_content>
  <#assign latest = published_posts[0]>
  <section class="latest" aria-label="${t.latest}">
    <#-- The week's title is the page's h1, so this label is not a heading: headings go h1, then h2. -->
    <p class="eyebrow">${t.latest}</p>
    <article class="card latest-card">
      <#if (latest.badge!"")?has_content><p class="week-label">${latest.badge}</p></#if>
      <h1 class="week-title"><a href="${base}${latest.uri}">${latest.title}</a></h1>
      <p class="week-meta"><time datetime="${latest.date?string("yyyy-MM-dd")}">${latest.date?string(t.dateFormat)}</time></p>
      <#if latest.page?? && latest.page.toc?has_content>
      <ul class="latest-sections">
        <#-- The outline of the week, its top two levels, at most twelve entries. -->
        <#list latest.page.toc?filter(entry -> entry.depth < 3)[0..*12] as entry>
        <li><a href="${base}${latest.uri}#${entry.id}">${entry.text}</a></li>
        </#list>
      </ul>
      </#if>
      <a class="button" href="${base}${latest.uri}">${t.readWeek} →</a>
    </article>
  </section>
  <#if content.keyMetrics?has_content>
  <section class="numbers" aria-labelledby="numbers-heading">
    <h2 id="numbers-heading" class="eyebrow">${t.thisWeekNumbers}</h2>
    <#if content.numbersAsOf??><p class="muted as-of">${content.numbersAsOf}</p></#if>
    <div class="metric-grid">
      <#list content.keyMetrics as s><@layout.metricCard s=s/></#list>
    </div>
    <p class="numbers-foot">
      <#if content.latestIncidentsReported!false>
        <a href="${base}${urls.incidents}"><#if (content.latestIncidents > 0)>${t.incidentsThisWeek?replace("{0}", content.latestIncidents?c)}<#else>${t.noIncidentsThisWeek}</#if></a> ·
      </#if>
      <a href="${base}${urls.metrics}">${t.allMetrics} →</a>
    </p>
  </section>
  </#if>
  <#if content.commitments??>
  <p class="commitments-foot"><a href="${base}${urls.commitments}"><#if (content.commitments.due > 0)>${t.dueThisWeekCount?replace("{0}", content.commitments.due?c)?replace("{1}", content.commitments.done?c)}<#else>${t.commitmentsOpen?replace("{0}", content.commitments.open?c)}</#if><#if (content.commitments.overdue > 0)>${t.commitmentsOverdue?replace("{0}", content.commitments.overdue?c)}</#if> →</a></p>
  </#if>
  <#if (published_posts?size > 1)>
  <section class="recent" aria-labelledby="recent-heading">
    <h2 id="recent-heading" class="eyebrow">${t.recent}</h2>
    <ol class="week-list">
      <#list published_posts[1..*12] as post><@layout.weekRow post=post/></#list>
    </ol>
    <p><a href="${base}${config.archive_file!"archive.html"}">${t.allWeeks} (${published_posts?size}) →</a></p>
  </section>
  </#if>
<#else>
  <p class="empty">${t.noWeeks}</p>
</#if>
</@layout.page>
