"""Initiatives serve core's GCM objectives (shared with partnerships and policy); the room's own copy is dropped.

The objectives are the same 23 rows of A/RES/73/195 keyed by number, so each initiative keeps the numbers it had:
the room's rows are copied into core where core has not loaded them yet, then the links are moved.
"""

from django.db import migrations, models


def copy_objectives_and_links(apps, schema_editor):
    Old = apps.get_model("diaspora", "GcmObjective")
    Core = apps.get_model("core", "GcmObjective")
    Initiative = apps.get_model("diaspora", "Initiative")
    for old in Old.objects.all():
        Core.objects.get_or_create(
            number=old.number,
            defaults={
                "title": old.title_en or old.title,
                "short_label": old.short_label_en or old.short_label,
                "resolution_paragraph": old.resolution_paragraph,
            },
        )
    for initiative in Initiative.objects.all():
        initiative.core_gcm_objectives.set(list(initiative.gcm_objectives.values_list("number", flat=True)))


def copy_links_back(apps, schema_editor):
    Old = apps.get_model("diaspora", "GcmObjective")
    Core = apps.get_model("core", "GcmObjective")
    Initiative = apps.get_model("diaspora", "Initiative")
    for core in Core.objects.all():
        Old.objects.get_or_create(
            number=core.number,
            defaults={
                "title": core.title,
                "title_en": core.title,
                "short_label": core.short_label,
                "short_label_en": core.short_label,
                "resolution_paragraph": core.resolution_paragraph,
            },
        )
    for initiative in Initiative.objects.all():
        initiative.gcm_objectives.set(list(initiative.core_gcm_objectives.values_list("number", flat=True)))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_policy_frameworks"),
        ("diaspora", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="core_gcm_objectives",
            field=models.ManyToManyField(blank=True, related_name="+", to="core.gcmobjective"),
        ),
        migrations.RunPython(copy_objectives_and_links, copy_links_back),
        migrations.RemoveField(model_name="initiative", name="gcm_objectives"),
        migrations.DeleteModel(name="GcmObjective"),
        migrations.RenameField(model_name="initiative", old_name="core_gcm_objectives", new_name="gcm_objectives"),
        migrations.AlterField(
            model_name="initiative",
            name="gcm_objectives",
            field=models.ManyToManyField(
                blank=True,
                related_name="diaspora_initiatives",
                to="core.gcmobjective",
                verbose_name="GCM objectives served",
            ),
        ),
    ]
