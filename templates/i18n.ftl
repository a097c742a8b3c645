<#ftl output_format="HTML">
<#-- Interface text. The site speaks Chinese unless jbake.properties says site.lang=en. -->
<#assign zh = {
  "lang": "zh-CN",
  "home": "首页",
  "archive": "归档",
  "tags": "标签",
  "feed": "订阅",
  "latest": "最新一周",
  "recent": "最近几周",
  "allWeeks": "全部周报",
  "contents": "本周目录",
  "previous": "上一周",
  "next": "下一周",
  "readWeek": "阅读全文",
  "weeksCount": "共 {0} 篇周报",
  "taggedWith": "标签：{0}",
  "exported": "导出于 {0}",
  "source": "源文件 {0}",
  "noWeeks": "还没有周报。在 content/ 中加入一个 Markdown 文件，再重新构建。",
  "notFound": "页面不存在",
  "notFoundText": "这个地址没有页面。也许它被移动了，可以从首页或归档中找到它。",
  "backHome": "回到首页",
  "dateFormat": "yyyy年M月d日",
  "monthFormat": "M月",
  "yearSuffix": "年",
  "poweredBy": "由 Weekly Archive 生成",
  "skip": "跳到正文"
}>
<#assign en = {
  "lang": "en",
  "home": "Home",
  "archive": "Archive",
  "tags": "Tags",
  "feed": "Feed",
  "latest": "Latest week",
  "recent": "Recent weeks",
  "allWeeks": "All weeks",
  "contents": "Contents",
  "previous": "Previous week",
  "next": "Next week",
  "readWeek": "Read the week",
  "weeksCount": "{0} weekly reports",
  "taggedWith": "Tagged {0}",
  "exported": "Exported {0}",
  "source": "Source {0}",
  "noWeeks": "No reports yet. Add a Markdown file to content/ and build again.",
  "notFound": "Page not found",
  "notFoundText": "There is no page at this address. It may have moved: try the home page or the archive.",
  "backHome": "Back to the home page",
  "dateFormat": "d MMMM yyyy",
  "monthFormat": "MMMM",
  "yearSuffix": "",
  "poweredBy": "Made with Weekly Archive",
  "skip": "Skip to content"
}>
<#assign t = ((config.site_lang!"zh")?starts_with("en"))?then(en, zh)>
<#-- Site-relative links: every page links through the base path so the site works under /repo/. -->
<#assign base = config.site_basepath!"/">
