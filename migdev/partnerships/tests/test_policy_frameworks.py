"""The policy-frameworks dataset (core): GCM objectives and principles, SDG targets and indicators."""

import shutil
from pathlib import Path

import pytest

from migdev.core.apps import DATA_DIR
from migdev.core.errors import ImportFileError
from migdev.core.importers.policy import load_policy_frameworks
from migdev.core.models import GcmGuidingPrinciple, GcmObjective, SdgIndicator, SdgTarget
from migdev.core.progress import SilentProgress

pytestmark = pytest.mark.django_db
SHIPPED = DATA_DIR / "policy"


def test_the_frameworks_are_loaded_by_setup() -> None:
    assert GcmObjective.objects.count() == 23
    assert GcmObjective.objects.get(number=6).resolution_paragraph == 22
    assert GcmGuidingPrinciple.objects.count() == 10
    assert GcmGuidingPrinciple.objects.get(letter="j").name == "Whole-of-society approach"
    assert SdgTarget.objects.filter(code="10.7").exists()
    assert SdgIndicator.objects.count() == 33
    assert SdgIndicator.objects.get(code="10.7.2").target_id == "10.7"


def test_loading_twice_changes_nothing() -> None:
    before = list(GcmObjective.objects.values_list("number", "title"))
    load_policy_frameworks(SHIPPED, SilentProgress())
    assert list(GcmObjective.objects.values_list("number", "title")) == before
    assert SdgIndicator.objects.count() == 33


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "policy"
    shutil.copytree(SHIPPED, folder)
    return folder


@pytest.mark.parametrize(
    ("file", "old", "new", "where"),
    [
        ("gcm_objectives.csv", "\n6,", "\n66,", "row 7, column objective_no"),
        ("gcm_guiding_principles.csv", "\nj,", "\nk,", "column letter"),
        ("gcm_guiding_principles.csv", "\nb,", "\na,", "appears twice"),
        ("sdg_migration_targets.csv", ",10.7.2,", ",10.8.2,", "column indicator"),
        ("sdg_migration_targets.csv", "\n10,10.7,", "\n11,10.7,", "column target"),
    ],
)
def test_a_bad_file_is_refused_naming_row_and_column(tmp_path: Path, file: str, old: str, new: str, where: str) -> None:
    folder = _copy(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ImportFileError) as error:
        load_policy_frameworks(folder, SilentProgress())
    assert file in error.value.message and where in error.value.message
