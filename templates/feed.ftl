<#ftl output_format="XML">
<#include "i18n.ftl">
<#-- Absolute addresses when the site's address is known (--base-url or site.host); else relative to this file. -->
<#assign root = ((config.site_absolute!"false") == "true")?then(config.site_host + "/", "")>
<#assign idRoot = ((config.site_absolute!"false") == "true")?then(root, "urn:weekly-archive:")>
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${t.lang}">
  <title>${config.site_title!"周报"}</title>
  <link href="${(root == "")?then("./", root)}" rel="alternate" type="text/html"/>
  <link href="${root}${config.feed_file!"feed.xml"}" rel="self" type="application/atom+xml"/>
  <id>${idRoot}</id>
  <updated><#if published_posts?has_content>${published_posts[0].date?string("yyyy-MM-dd'T'HH:mm:ssXXX")}<#else>${config.site_built}</#if></updated>
  <#list published_posts[0..*20] as post>
  <entry>
    <#-- The author's label, when the title does not already carry it (Report.badge). -->
    <title><#if (post.badge!"")?has_content>${post.badge} </#if>${post.title}</title>
    <link href="${root}${post.uri}" rel="alternate" type="text/html"/>
    <id>${idRoot}${post.uri}</id>
    <updated>${post.date?string("yyyy-MM-dd'T'HH:mm:ssXXX")}</updated>
    <content type="html">${post.body}</content>
  </entry>
  </#list>
</feed>
