<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=content.title!"">
<article class="page">
  <h1>${content.title!""}</h1>
  ${content.body?no_esc}
</article>
</@layout.page>
