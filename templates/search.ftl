<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#include "i18n.ftl">
<@layout.page title=t.search section="search">
<h1>${t.search}</h1>
<form id="search-form" class="search-form" action="${base}${urls.search}" role="search">
  <input type="search" name="q" aria-label="${t.search}" placeholder="${t.searchPlaceholder}" autofocus>
  <select name="year" aria-label="${t.allYears}"><option value="">${t.allYears}</option></select>
  <select name="tag" aria-label="${t.allTags}"><option value="">${t.allTags}</option></select>
  <button type="submit">${t.search}</button>
</form>
<p id="search-status" class="lead" role="status" aria-live="polite"
   data-searching="${t.searching}" data-count="${t.resultCount}" data-count-about="${t.resultCountAbout}"
   data-none="${t.noResults}" data-none-shorter="${t.noResultsShorter}"
   data-none-quotes="${t.noResultsQuotes}" data-none-fewer="${t.noResultsFewer}" data-none-yet="${t.noResultsYet}" data-failed="${t.searchFailed}"></p>
<ol id="search-results" class="results"></ol>
<p><button id="search-more" type="button" class="button" hidden>${t.moreResults}</button></p>
<script src="${base}js/search.js" defer></script>
</@layout.page>
