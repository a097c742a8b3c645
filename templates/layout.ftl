<#ftl output_format="HTML">
<#include "i18n.ftl">
<#macro page title="" description="" section="">
<!DOCTYPE html>
<html lang="${t.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><#if title?has_content>${title} · </#if>${config.site_title!"周报"}</title>
  <#if description?has_content><meta name="description" content="${description}"></#if>
  <meta name="color-scheme" content="light dark">
  <link rel="icon" href="${base}favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="${base}css/site.css">
  <link rel="alternate" type="application/atom+xml" title="${config.site_title!""}" href="${base}${config.feed_file!"feed.xml"}">
</head>
<body>
  <a class="skip" href="#main">${t.skip}</a>
  <header class="site-header">
    <div class="wrap site-header-inner">
      <a class="site-title" href="${base}">${config.site_title!"周报"}</a>
      <nav class="site-nav" aria-label="site">
        <a href="${base}"<#if section == "home"> aria-current="page"</#if>>${t.home}</a>
        <a href="${base}${config.archive_file!"archive.html"}"<#if section == "archive"> aria-current="page"</#if>>${t.archive}</a>
        <a href="${base}${config.tag_path!"tags"}/index.html"<#if section == "tags"> aria-current="page"</#if>>${t.tags}</a>
        <a href="${base}${config.feed_file!"feed.xml"}">${t.feed}</a>
      </nav>
    </div>
  </header>
  <main id="main" class="wrap">
    <#nested>
  </main>
  <footer class="site-footer">
    <div class="wrap">
      <#if config.site_footer?has_content>${config.site_footer} · </#if>${t.poweredBy}
    </div>
  </footer>
  <script src="${base}js/site.js" defer></script>
  <#if (config.site_livereload!"false") == "true"><script src="${base}js/livereload.js" data-endpoint="${base}__livereload"></script></#if>
</body>
</html>
</#macro>

<#-- One line of a list of weeks: label, title and date. Used by the home, archive and tag pages. -->
<#macro weekRow post>
  <li class="week-row">
    <a href="${base}${post.uri}">
      <#-- Most titles already name the week (第09周 2023-02-24): the label would only repeat it. -->
      <#if !(post.title?contains(post.week!""))><span class="week-row-label">${post.week!""}</span></#if>
      <span class="week-row-title">${post.title}</span>
    </a>
    <time datetime="${post.date?string("yyyy-MM-dd")}">${post.date?string(t.dateFormat)}</time>
  </li>
</#macro>
