from django.urls import path

from migdev.rcp.views import activity, downloads, facts, feeds, processes

app_name = "rcp"

urlpatterns = [
    path("", processes.index, name="index"),
    path("processes/<slug:rcp_id>/", processes.process_detail, name="process"),
    path("processes/<slug:rcp_id>/meetings/", activity.process_meetings, name="process_meetings"),
    path("processes/<slug:rcp_id>/meetings.ics", feeds.process_ical, name="process_ical"),
    path("processes/<slug:rcp_id>/meetings/new/", activity.meeting_new, name="meeting_new"),
    path("processes/<slug:rcp_id>/good-practices/new/", activity.practice_new, name="practice_new"),
    path("processes/<slug:rcp_id>/facts/<slug:field>/", facts.fact_correct, name="fact_correct"),
    path("countries/", processes.countries, name="countries"),
    path("countries/<str:iso3>/", processes.country, name="country"),
    path("overlaps/", processes.overlaps, name="overlaps"),
    path("meetings/", activity.meetings, name="meetings"),
    path("meetings.ics", feeds.meetings_ical, name="meetings_ical"),
    path("meetings/<int:meeting_id>/edit/", activity.meeting_edit, name="meeting_edit"),
    path("documents/<int:document_id>/", feeds.document, name="document"),
    path("feeds/atom/", feeds.AtomNewsFeed(), name="feed_atom"),
    path("feeds/rss/", feeds.NewsFeed(), name="feed_rss"),
    path("good-practices/", activity.practices, name="practices"),
    path("good-practices/<int:practice_id>/", activity.practice_detail, name="practice"),
    path("good-practices/<int:practice_id>/edit/", activity.practice_edit, name="practice_edit"),
    path("download/<str:kind>.<str:fmt>", downloads.download, name="download"),
]
