"""The "esco" dataset: ESCO v1.1.1 occupations (EN, FR), skills (EN) and occupation-skill relations.

Bulk inserts and updates only: the whole load takes seconds, not minutes. A relation whose occupation is not among
the occupations (one occupation of occupationSkillRelations.csv, see data/esco/PROVENANCE.md) is skipped and counted.
"""

import re
from collections import defaultdict
from pathlib import Path

from django.db import transaction
from django.utils import translation

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, esco_uri, read_rows
from migdev.core.importers.sync import BATCH_SIZE, check_not_shrinking, sync_table
from migdev.core.models import EscoOccupation, EscoOccupationSkill, EscoSkill, IscoGroup
from migdev.core.progress import ProgressReporter

OCCUPATIONS_EN = "occupations_en.csv"
OCCUPATIONS_FR = "occupations_fr.csv"
SKILLS = "skills_en.csv"
RELATIONS = "occupationSkillRelations.csv"
OCCUPATION_COLUMNS = ("conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description", "code")
FRENCH_COLUMNS = ("conceptUri", "preferredLabel", "altLabels", "description")
SKILL_COLUMNS = ("conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description")
RELATION_COLUMNS = ("occupationUri", "relationType", "skillUri")
TRANSLATED = ("preferred_label", "alt_labels", "description")
OCCUPATION_FIELDS = ["code", "isco_group", *(f"{name}{suffix}" for name in TRANSLATED for suffix in ("", "_en", "_fr"))]
SKILL_FIELDS = ["skill_type", "reuse_level", "preferred_label", "alt_labels", "description"]
# The values ESCO v1.1.1 uses (a few skills have none); anything else is a shifted or cut row.
SKILL_TYPES = ("skill/competence", "knowledge", "")
REUSE_LEVELS = ("transversal", "cross-sector", "sector-specific", "occupation-specific", "")
OCCUPATION_CODE = re.compile(r"\d{4}(\.\d+)+")  # ESCO's code: the ISCO-08 unit group, then .n per level below


def load_esco(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load ESCO occupations, skills and their relations from the four CSV files of the folder `path`.

    Files with far fewer occupations, skills or relations than are stored are refused unless `allow_shrink`.
    """
    files = {name: dataset_file(path, name) for name in (OCCUPATIONS_EN, OCCUPATIONS_FR, SKILLS, RELATIONS)}
    with translation.override("en"), transaction.atomic():
        occupations = _read_occupations(files[OCCUPATIONS_EN], files[OCCUPATIONS_FR], progress)
        skills = _read_skills(files[SKILLS], progress)
        relations, skipped = _read_relations(files[RELATIONS], set(occupations), set(skills), progress)
        for file, what, in_file, stored in (
            (OCCUPATIONS_EN, "occupations", len(occupations), EscoOccupation.objects.count()),
            (SKILLS, "skills", len(skills), EscoSkill.objects.count()),
            (RELATIONS, "occupation-skill relations", len(relations), EscoOccupationSkill.objects.count()),
        ):
            check_not_shrinking(str(files[file]), what, in_file, stored, allow_shrink)
        with progress.task("Saving ESCO occupations and skills", 2) as task:
            occupation_result, occupation_rows = sync_table(
                EscoOccupation, "uri", list(occupations.values()), OCCUPATION_FIELDS, str(files[OCCUPATIONS_EN])
            )
            task.advance()
            skill_result, skill_rows = sync_table(
                EscoSkill, "uri", list(skills.values()), SKILL_FIELDS, str(files[SKILLS])
            )
            task.advance()
        with progress.task("Saving occupation-skill relations", len(relations)) as task:
            wanted = {
                (occupation_rows[occupation].pk, skill_rows[skill].pk): relation
                for (occupation, skill), relation in relations.items()
            }
            changes = _sync_relations(wanted)
            task.advance(len(relations))
    return (
        f"{len(occupations)} occupations ({occupation_result}), {len(skills)} skills ({skill_result}), "
        f"{len(relations)} occupation-skill relations ({changes}); "
        f"{skipped} relations skipped (occupation not among the occupations)"
    )


def _read_occupations(english: Path, french_path: Path, progress: ProgressReporter) -> dict[str, EscoOccupation]:
    """The occupations of the EN file with the FR labels joined on their URI; each ISCO-08 unit group must exist."""
    french = {
        esco_uri(str(french_path), row, "conceptUri", record["conceptUri"], "occupation"): {
            "preferred_label_fr": record["preferredLabel"].strip() or None,
            "alt_labels_fr": record["altLabels"].strip() or None,
            "description_fr": record["description"].strip() or None,
        }
        for row, record in read_rows(french_path, FRENCH_COLUMNS)
    }
    unit_groups = set(IscoGroup.objects.filter(level=4).values_list("code", flat=True))
    records = list(read_rows(english, OCCUPATION_COLUMNS))
    occupations: dict[str, EscoOccupation] = {}
    where = str(english)
    with progress.task("ESCO occupations", len(records)) as task:
        for row, record in records:
            uri = esco_uri(where, row, "conceptUri", record["conceptUri"], "occupation")
            if uri in occupations:
                raise ImportFileError(where, row, "conceptUri", f"occupation {uri} appears twice")
            isco = record["iscoGroup"].strip()
            if isco not in unit_groups:
                hint = "" if unit_groups else " (no ISCO-08 groups are loaded: run `migdev import isco08` first)"
                raise ImportFileError(where, row, "iscoGroup", f"unknown ISCO-08 unit group {isco!r}{hint}")
            code = record["code"].strip()
            if not (OCCUPATION_CODE.fullmatch(code) and code.startswith(f"{isco}.")):
                raise ImportFileError(where, row, "code", f"{code!r} is not an ESCO code under unit group {isco}")
            label = record["preferredLabel"].strip()
            if not label:
                raise ImportFileError(where, row, "preferredLabel", "empty preferred label")
            alt_labels, description = record["altLabels"].strip(), record["description"].strip()
            occupations[uri] = EscoOccupation(
                uri=uri,
                code=code,
                isco_group_id=isco,
                preferred_label=label,
                preferred_label_en=label,
                alt_labels=alt_labels,
                alt_labels_en=alt_labels,
                description=description,
                description_en=description,
                **french.get(uri, {}),
            )
            task.advance()
    return occupations


def _read_skills(path: Path, progress: ProgressReporter) -> dict[str, EscoSkill]:
    records = list(read_rows(path, SKILL_COLUMNS))
    skills: dict[str, EscoSkill] = {}
    where = str(path)
    with progress.task("ESCO skills", len(records)) as task:
        for row, record in records:
            uri = esco_uri(where, row, "conceptUri", record["conceptUri"], "skill")
            if uri in skills:
                raise ImportFileError(where, row, "conceptUri", f"skill {uri} appears twice")
            skill_type, reuse_level = record["skillType"].strip(), record["reuseLevel"].strip()
            if skill_type not in SKILL_TYPES:
                raise ImportFileError(where, row, "skillType", f"{skill_type!r} is not an ESCO skill type")
            if reuse_level not in REUSE_LEVELS:
                raise ImportFileError(where, row, "reuseLevel", f"{reuse_level!r} is not an ESCO reuse level")
            label = record["preferredLabel"].strip()
            if not label:
                raise ImportFileError(where, row, "preferredLabel", "empty preferred label")
            skills[uri] = EscoSkill(
                uri=uri,
                skill_type=skill_type,
                reuse_level=reuse_level,
                preferred_label=label,
                alt_labels=record["altLabels"].strip(),
                description=record["description"].strip(),
            )
            task.advance()
    return skills


def _read_relations(
    path: Path, occupations: set[str], skills: set[str], progress: ProgressReporter
) -> tuple[dict[tuple[str, str], str], int]:
    """The relations by (occupation URI, skill URI), and how many were skipped for an unknown occupation."""
    where = str(path)
    relations: dict[tuple[str, str], str] = {}
    kinds = set(EscoOccupationSkill.Relation.values)
    skipped = 0
    with progress.task("ESCO occupation-skill relations", None) as task:
        for row, record in read_rows(path, RELATION_COLUMNS):
            occupation = esco_uri(where, row, "occupationUri", record["occupationUri"], "occupation")
            skill = esco_uri(where, row, "skillUri", record["skillUri"], "skill")
            relation = record["relationType"].strip()
            if relation not in kinds:
                raise ImportFileError(where, row, "relationType", f"{relation!r} is neither essential nor optional")
            if skill not in skills:
                raise ImportFileError(where, row, "skillUri", f"unknown skill {skill}")
            if occupation not in occupations:
                skipped += 1  # a known quirk of ESCO v1.1.1: one occupation has relations but no row
                continue
            if (occupation, skill) in relations:
                raise ImportFileError(where, row, "skillUri", f"relation {occupation} -> {skill} appears twice")
            relations[(occupation, skill)] = relation
            task.advance()
    return relations, skipped


def _sync_relations(wanted: dict[tuple[int, int], str]) -> str:
    """Make the relation table equal `wanted` ((occupation id, skill id) -> relation) with bulk statements."""
    existing = {
        (occupation, skill): (pk, relation)
        for pk, occupation, skill, relation in EscoOccupationSkill.objects.values_list(
            "pk", "occupation_id", "skill_id", "relation"
        )
    }
    gone = [pk for key, (pk, _) in existing.items() if key not in wanted]
    changed: dict[str, list[int]] = defaultdict(list)
    for key, (pk, relation) in existing.items():
        if key in wanted and wanted[key] != relation:
            changed[wanted[key]].append(pk)
    for start in range(0, len(gone), BATCH_SIZE):
        EscoOccupationSkill.objects.filter(pk__in=gone[start : start + BATCH_SIZE]).delete()
    for relation, pks in changed.items():
        for start in range(0, len(pks), BATCH_SIZE):
            EscoOccupationSkill.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).update(relation=relation)
    new = [
        EscoOccupationSkill(occupation_id=occupation, skill_id=skill, relation=relation)
        for (occupation, skill), relation in wanted.items()
        if (occupation, skill) not in existing
    ]
    EscoOccupationSkill.objects.bulk_create(new, batch_size=BATCH_SIZE)
    return f"{len(new)} new, {sum(map(len, changed.values()))} changed, {len(gone)} removed"
