<#ftl output_format="HTML">
<#include "i18n.ftl">
<#macro page title="" description="" section="" image="">
<!DOCTYPE html>
<html lang="${t.lang}" data-base="${base}">
<head>
  <meta charset="utf-8">
  <#-- GitHub Pages sends no headers, so the policy travels in the page, before anything it governs is loaded.
       No inline script or style, nothing from other origins but images (reports embed remote ones).
       serve sends the same string as a header (PreviewServer.CONTENT_SECURITY_POLICY); a test keeps them equal. -->
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; object-src 'none'; base-uri 'self'; form-action 'self'">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><#if title?has_content>${title} · </#if>${config.site_title!"周报"}</title>
  <#if description?has_content><meta name="description" content="${description}"></#if>
  <#if image?has_content><meta property="og:image" content="${config.site_host}/${image}"></#if>
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
      <form class="site-search" action="${base}${urls.search}" role="search">
        <input type="search" name="q" placeholder="${t.searchPlaceholder}" aria-label="${t.search}" accesskey="s">
      </form>
      <nav class="site-nav" aria-label="site">
        <a href="${base}"<#if section == "home"> aria-current="page"</#if>>${t.home}</a>
        <a href="${base}${config.archive_file!"archive.html"}"<#if section == "archive"> aria-current="page"</#if>>${t.archive}</a>
        <#if (sections.metrics)!true><a href="${base}${urls.metrics}"<#if section == "metrics"> aria-current="page"</#if>>${t.metrics}</a></#if>
        <#if (sections.incidents)!true><a href="${base}${urls.incidents}"<#if section == "incidents"> aria-current="page"</#if>>${t.incidents}</a></#if>
        <#if (sections.projects)!true><a href="${base}${urls.projects}"<#if section == "projects"> aria-current="page"</#if>>${t.projects}</a></#if>
        <#if (sections.commitments)!false><a href="${base}${urls.commitments}"<#if section == "commitments"> aria-current="page"</#if>>${t.commitments}</a></#if>
        <#if (sections.tags)!true><a href="${base}${config.tag_path!"tags"}/index.html"<#if section == "tags"> aria-current="page"</#if>>${t.tags}</a></#if>
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
  <#if (config.site_livereload!"false") == "true"><script src="${base}js/livereload.js" data-endpoint="${base}__livereload"></script><script src="${base}__weekly-archive/overlay.js"></script></#if>
</body>
</html>
</#macro>

<#-- One line of a list of weeks: label, title and date. Used by the home, archive and tag pages. -->
<#macro weekRow post>
  <li class="week-row">
    <a href="${base}${post.uri}">
      <#-- The author's label, when the title does not already carry it (Report.badge). -->
      <#if (post.badge!"")?has_content><span class="week-row-label">${post.badge}</span></#if>
      <span class="week-row-title">${post.title}</span>
    </a>
    <time datetime="${post.date?string("yyyy-MM-dd")}">${post.date?string(t.dateFormat)}</time>
  </li>
</#macro>

<#-- A chart drawn for both colour schemes; the browser picks the one that matches the page. -->
<#macro chart files alt width=760 height=300 class="chart">
  <picture class="${class}">
    <source srcset="${base}${files.dark}" media="(prefers-color-scheme: dark)">
    <img src="${base}${files.light}" alt="${alt}" width="${width?c}" height="${height?c}" loading="lazy">
  </picture>
</#macro>

<#-- A metric's latest value with its change against the week before, coloured by whether that is good. -->
<#macro metricCard s>
  <a class="metric-card<#if s.missed> missed</#if>" href="${base}${s.uri}">
    <span class="metric-name">${s.name}</span>
    <span class="metric-value">${s.latest!"—"}<small>${s.unit}</small></span>
    <#if s.change?has_content><@change c=s/></#if>
    <#if s.missed><span class="badge bad">${t.targetMissed} ${s.target}</span></#if>
    <@chart files=s.spark alt=t.chartOf?replace("{0}", s.name) width=150 height=40 class="sparkline"/>
  </a>
</#macro>

<#-- A change against the previous report: its sign gives the direction, and a mark (not colour alone) says
     whether that is better or worse, for readers who cannot tell the colours apart. -->
<#macro change c prefix=false>
<span class="metric-change ${c.changeClass!""}" title="<#if (c.changeSince!"")?has_content>${t.changeSince?replace("{0}", c.changeSince)}<#else>${t.change}</#if>"><#if prefix><#if (c.changeSince!"")?has_content>${t.changeSince?replace("{0}", c.changeSince)}<#else>${t.change}</#if> </#if>${c.change}<#if (c.changeClass!"") == "good"> <span class="judgement" aria-hidden="true">✓</span><span class="visually-hidden">${t.better}</span><#elseif (c.changeClass!"") == "bad"> <span class="judgement" aria-hidden="true">✗</span><span class="visually-hidden">${t.worse}</span></#if><#if !prefix && (c.changeSince!"")?has_content> <small>${t.changeSince?replace("{0}", c.changeSince)}</small></#if></span>
</#macro>
