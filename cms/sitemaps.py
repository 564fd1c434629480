"""The sitemap: every language tree, each page naming its translations."""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Live public pages of all three trees with hreflang alternates per page."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = {}
        for other in (
            Page.objects.filter(
                translation_key__in={item.translation_key for item in items},
                alias_of__isnull=True,
            )
            .live()
            .public()
            .select_related("locale")
        ):
            translations.setdefault(other.translation_key, []).append(
                {
                    "location": other.get_full_url(self.request),
                    "lang_code": other.locale.language_code,
                }
            )
        urls = []
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = translations.get(item.translation_key, [])
                urls.append(url_info)
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
