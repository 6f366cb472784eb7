from django.urls import URLPattern, URLResolver, include, path

from migdev.labour.views import esco, hub, matching, measurement, protection, registry

app_name = "labour"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include(hub.urlpatterns)),
    path("", include(registry.urlpatterns)),
    path("", include(protection.urlpatterns)),
    path("", include(measurement.urlpatterns)),
    path("", include(matching.urlpatterns)),
    path("", include(esco.urlpatterns)),
]
