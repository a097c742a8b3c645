<#ftl output_format="XML">
<#include "i18n.ftl">
<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${t.lang}">
  <title>${config.site_title!"周报"}</title>
  <link href="${config.site_host}/" rel="alternate" type="text/html"/>
  <link href="${config.site_host}/${config.feed_file!"feed.xml"}" rel="self" type="application/atom+xml"/>
  <id>${config.site_host}/</id>
  <updated><#if published_posts?has_content>${published_posts[0].date?string("yyyy-MM-dd'T'HH:mm:ssXXX")}<#else>${config.site_built}</#if></updated>
  <#list published_posts[0..*20] as post>
  <entry>
    <title>${post.week!""} ${post.title}</title>
    <link href="${config.site_host}/${post.uri}" rel="alternate" type="text/html"/>
    <id>${config.site_host}/${post.uri}</id>
    <updated>${post.date?string("yyyy-MM-dd'T'HH:mm:ssXXX")}</updated>
    <content type="html">${post.body}</content>
  </entry>
  </#list>
</feed>
