<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<#-- One commitment: what, by when, what became of it, each date it was given and the weeks that spoke of it. -->
<#macro commitment c>
  <li class="commitment card ${c.status}" id="${c.id}">
    <p class="commitment-head">
      <span class="badge ${c.status}">${t["commitment_" + c.status]}</span>
      <span class="commitment-due"><#if c.status == "done">${t.doneOn?replace("{0}", c.resolved)}<#else>${t.dueOn?replace("{0}", c.due)}</#if></span>
      <span class="muted">${c.outcome}</span>
    </p>
    <p class="commitment-subject">${c.subject}<#if c.action?has_content> <span class="commitment-action">${c.action}</span></#if></p>
    <#if (c.dues?size > 1)>
    <p class="commitment-dues">${t.dueDates}<#list c.dues as d><#if d.replaced><s>${d.date}</s> → <#else><strong>${d.date}</strong></#if></#list></p>
    </#if>
    <details class="commitment-history">
      <summary>${t.mentionedIn?replace("{0}", c.mentions?size?c)}</summary>
      <ol>
        <#list c.mentions as m>
        <li><a href="${base}${m.uri}">${m.week}</a> <time class="muted" datetime="${m.date}">${m.date}</time> <span class="badge">${m.kind}</span>
          <span class="commitment-text">${m.text}</span> <span class="muted source">${m.source}</span></li>
        </#list>
      </ol>
    </details>
  </li>
</#macro>
<@layout.page title=t.commitments section="commitments">
<h1>${t.commitments}</h1>
<#if (content.count > 0)>
<p class="lead">${t.commitmentCount?replace("{0}", content.count?c)?replace("{1}", content.open?size?c)?replace("{2}", content.done?size?c)?replace("{3}", content.overdue?size?c)?replace("{4}", content.today)}</p>
  <#list [["open", content.open], ["overdue", content.overdue], ["done", content.done]] as group>
  <#if group[1]?has_content>
  <section class="commitment-group" aria-labelledby="g-${group[0]}">
    <h2 id="g-${group[0]}">${t["commitments_" + group[0]]} <span class="muted">${group[1]?size}</span></h2>
    <ol class="commitment-list">
      <#list group[1] as c><@commitment c=c/></#list>
    </ol>
  </section>
  </#if>
  </#list>
  <p class="downloads">${t.download}: <a href="${base}${urls.commitmentsCsv}">commitments.csv</a> · <a href="${base}${urls.commitmentsJson}">commitments.json</a></p>
<#else>
  <p class="empty">${t.noCommitments}</p>
</#if>
</@layout.page>
