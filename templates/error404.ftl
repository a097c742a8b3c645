<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.notFound>
<section class="not-found">
  <h1>${t.notFound}</h1>
  <p>${t.notFoundText}</p>
  <p><a class="button" href="${base}">${t.backHome}</a> <a href="${base}${config.archive_file!"archive.html"}">${t.archive}</a></p>
</section>
</@layout.page>
