from django.urls import path

from migdev.impact.views import projects, workflow

app_name = "impact"

urlpatterns = [
    path("", projects.index, name="index"),
    path("projects.csv", projects.projects_csv, name="projects_csv"),
    path("library/", projects.library, name="library"),
    path("projects/new/", projects.project_new, name="project_new"),
    path("projects/<int:project_id>/", projects.project_detail, name="project"),
    path("projects/<int:project_id>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:project_id>/history/", projects.history, name="history"),
    path("projects/<int:project_id>/evidence/", projects.evidence_add, name="evidence_add"),
    path("evidence/<int:evidence_id>/", projects.evidence_document, name="evidence"),
    path("projects/<int:project_id>/stages/<slug:stage>/", workflow.stage_form, name="stage"),
    path("projects/<int:project_id>/advance/", workflow.advance, name="advance"),
    path("projects/<int:project_id>/review/", workflow.review, name="review"),
    path("projects/<int:project_id>/decision/", workflow.decision, name="decision"),
    path("projects/<int:project_id>/monitoring/", workflow.monitoring, name="monitoring"),
    path("projects/<int:project_id>/statement/", workflow.statement, name="statement"),
    path("projects/<int:project_id>/statement.pdf", workflow.statement_pdf_view, name="statement_pdf"),
]
