<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.taggedWith?replace("{0}", tag) section="tags">
<h1>${t.taggedWith?replace("{0}", tag)}</h1>
<p class="lead">${t.weeksCount?replace("{0}", tag_posts?size?c)}</p>
<ol class="week-list">
  <#list tag_posts as post><@layout.weekRow post=post/></#list>
</ol>
</@layout.page>
