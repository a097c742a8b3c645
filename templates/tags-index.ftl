<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.tags section="tags">
<h1>${t.tags}</h1>
<#if tags?has_content>
<ul class="tag-cloud">
  <#list tags?sort_by("name") as tag>
  <li><a class="tag" href="${base}${tag.uri?url_path("UTF-8")}">${tag.name} <span class="count">${tag.tagged_posts?size}</span></a></li>
  </#list>
</ul>
<#else>
<p class="empty">${t.noTags}</p>
</#if>
</@layout.page>
