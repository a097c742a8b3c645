<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.archive section="archive">
<h1>${t.archive}</h1>
<p class="lead">${t.weeksCount?replace("{0}", published_posts?size?c)}</p>
<#-- published_posts comes newest first: a heading each time the year or month changes. -->
<#assign year = "" month = "">
<#list published_posts as post>
  <#assign postYear = post.date?string("yyyy") postMonth = post.date?string("yyyy-MM")>
  <#if postMonth != month>
    <#if month != ""></ol></section></#if>
    <#if postYear != year>
      <h2 class="archive-year" id="y${postYear}">${postYear}${t.yearSuffix}</h2>
      <#assign year = postYear>
    </#if>
    <section class="archive-month" id="m${postMonth}">
    <h3>${post.date?string(t.monthFormat)}</h3>
    <ol class="week-list">
    <#assign month = postMonth>
  </#if>
  <@layout.weekRow post=post/>
</#list>
<#if month != ""></ol></section></#if>
</@layout.page>
