<#ftl output_format="XML">
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>${config.site_host}/</loc></url>
  <url><loc>${config.site_host}/${config.archive_file!"archive.html"}</loc></url>
  <#if (sections.metrics)!true><url><loc>${config.site_host}/${urls.metrics}</loc></url></#if>
  <#if (sections.incidents)!true><url><loc>${config.site_host}/${urls.incidents}</loc></url></#if>
  <#if (sections.projects)!true><url><loc>${config.site_host}/${urls.projects}</loc></url></#if>
  <#list published_posts as post>
  <url>
    <loc>${config.site_host}/${post.uri}</loc>
    <lastmod>${post.date?string("yyyy-MM-dd")}</lastmod>
  </url>
  </#list>
</urlset>
