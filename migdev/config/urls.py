"""URL map: language-prefixed pages (/en/, /fr/, /es/), the API under /api/, static files."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from migdev.config.api import api
from migdev.core.views import favicon

handler500 = "migdev.core.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", favicon, name="favicon"),
]

urlpatterns += i18n_patterns(
    path("", include("migdev.core.urls")),
    path("accounts/", include("migdev.accounts.urls")),
    path("stats/", include("migdev.stats.urls")),
    path("labour/", include("migdev.labour.urls")),
    path("law/", include("migdev.law.urls")),
    path("remittances/", include("migdev.remittances.urls")),
    path("diaspora/", include("migdev.diaspora.urls")),
    path("rcp/", include("migdev.rcp.urls")),
    path("partnerships/", include("migdev.partnerships.urls")),
    path("policy/", include("migdev.policy.urls")),
    path("impact/", include("migdev.impact.urls")),
    path("corridors/", include("migdev.corridors.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
