<#ftl output_format="HTML">
<#-- Interface text comes from templates/messages_LANG.properties as t.KEY: the site's language is
     site.lang in jbake.properties, else the language its reports are written in. -->
<#-- Site-relative links: every page links through the base path so the site works under /repo/. -->
<#assign base = config.site_basepath!"/">
