"""``llmzoo push``: the dry-run folder is exactly what would be uploaded, card included; tokens never leak.

The real upload (create_repo + upload_folder) is not exercised here: no Hub-compatible server that installs from
PyPI and runs on 127.0.0.1 is set up for the suite (see the README's publishing section), and the tests never reach the real Hub.
"""

from __future__ import annotations

import json
import shutil

import pytest
from huggingface_hub import DatasetCard, ModelCard

from conftest import run_cli
from llmzoo_hf.errors import ConfigError, DeltaFolderError
from llmzoo_hf.hub import push_folder

FAKE_TOKEN = "hf_llmzooFakeTokenThatMustNeverAppear0123"


@pytest.fixture(scope="module")
def tiny_delta_folder(tiny_llama_path, tmp_path_factory):
    from llmzoo_hf.delta import make_delta
    from test_delta import _perturbed_copy

    root = tmp_path_factory.mktemp("hub-delta")
    target = _perturbed_copy(tiny_llama_path, root / "target", seed=11)
    return make_delta(tiny_llama_path, target, output_dir=root / "delta", base_model_id="me/tiny-base").output_dir


def test_dry_run_model_writes_the_upload_with_a_card(tiny_llama_path, tmp_path):
    result = push_folder(tiny_llama_path, kind="model", repo_id="me/chimera-tiny", dry_run_dir=tmp_path / "up")
    expected = sorted(p.name for p in tiny_llama_path.iterdir()) + ["README.md"]
    assert result.files == sorted(expected)
    assert sorted(p.name for p in (tmp_path / "up").iterdir()) == sorted(expected)
    assert (tmp_path / "up" / "model.safetensors").read_bytes() == (tiny_llama_path / "model.safetensors").read_bytes()
    card = ModelCard.load(tmp_path / "up" / "README.md")
    assert card.data.pipeline_tag == "text-generation" and card.data.library_name == "transformers"
    assert 'load_chat("me/chimera-tiny"' in card.text
    assert not (tiny_llama_path / "README.md").exists()  # the source folder is untouched


def test_dry_run_delta_gets_a_card_naming_the_repo(tiny_delta_folder, tmp_path):
    result = push_folder(tiny_delta_folder, kind="delta", repo_id="me/tiny-delta", dry_run_dir=tmp_path / "up")
    assert "llmzoo_delta_base.json" in result.files and "config.json" in result.files
    card = ModelCard.load(tmp_path / "up" / "README.md")
    assert card.data.base_model == "me/tiny-base"
    assert "llmzoo delta apply --base me/tiny-base --delta me/tiny-delta --out" in card.text
    # The delta's own card (made by `delta make`) still names the local folder: pushing wrote a new file.
    assert "--delta me/tiny-delta" not in (tiny_delta_folder / "README.md").read_text()


def test_push_refuses_the_wrong_kind(tiny_delta_folder, tiny_llama_path, tmp_path):
    with pytest.raises(DeltaFolderError, match="llmzoo delta apply"):
        push_folder(tiny_delta_folder, kind="model", repo_id="me/x", dry_run_dir=tmp_path / "a")
    with pytest.raises(ConfigError, match="no llmzoo_delta stamp"):
        push_folder(tiny_llama_path, kind="delta", repo_id="me/x", dry_run_dir=tmp_path / "b")
    with pytest.raises(ConfigError, match="no quantization_config"):
        push_folder(tiny_llama_path, kind="quantized", repo_id="me/x", dry_run_dir=tmp_path / "c")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(FileExistsError, match="not empty"):
        push_folder(tiny_llama_path, kind="model", repo_id="me/x", dry_run_dir=tmp_path / "full")


def test_dry_run_dataset_from_save_to_disk(tmp_path):
    from datasets import Dataset, DatasetDict

    rows = [
        {"id": str(i), "lang": "zh" if i % 3 == 0 else "en", "messages": [{"role": "user", "content": "hi"}]}
        for i in range(10)
    ]
    DatasetDict({"train": Dataset.from_list(rows[:8]), "test": Dataset.from_list(rows[8:])}).save_to_disk(
        tmp_path / "ds"
    )
    report = {
        "rows_train": 8,
        "rows_test": 2,
        "sources": [
            {
                "name": "conv",
                "rows_read": 11,
                "rows_kept": 10,
                "rows_rejected": 1,
                "rows_train": 8,
                "rows_test": 2,
                "rejected_by_reason": {"empty_turn": 1},
            }
        ],
        "languages": {},
    }
    (tmp_path / "ds" / "data_report.json").write_text(json.dumps(report))
    (tmp_path / "ds" / "rejects.jsonl").write_text('{"row": 3, "reason": "empty_turn"}\n')
    result = push_folder(tmp_path / "ds", kind="dataset", repo_id="me/mix", dry_run_dir=tmp_path / "up")
    assert result.repo_type == "dataset"
    assert result.files == [
        "README.md",
        "data/test-00000-of-00001.parquet",
        "data/train-00000-of-00001.parquet",
        "data_report.json",
        "rejects.jsonl",
    ]
    card = DatasetCard.load(tmp_path / "up" / "README.md")
    assert card.data.language == ["en", "zh"] and card.data.size_categories == ["n<1K"]
    assert "| en | 6 |" in card.text and "| zh | 4 |" in card.text  # ids 0, 3, 6, 9 are zh
    assert "1 rows were rejected while building (empty_turn: 1); they are listed in `rejects.jsonl`" in card.text
    from datasets import load_dataset

    loaded = load_dataset("parquet", data_dir=str(tmp_path / "up" / "data"))
    assert loaded["train"].num_rows == 8 and loaded["test"].num_rows == 2


@pytest.mark.slow
def test_cli_dry_run_prints_files_and_never_the_token(tiny_delta_folder, tmp_path):
    out = tmp_path / "up"
    result = run_cli(
        "push",
        "delta",
        str(tiny_delta_folder),
        "--repo-id",
        "me/tiny-delta",
        "--private",
        "--dry-run",
        str(out),
        env={"HF_TOKEN": FAKE_TOKEN, "LLMZOO_HF_VERBOSITY": "debug"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Dry run: {len(lines) - 1} files for the model repo me/tiny-delta written to {out}:"
    assert "  README.md" in lines and "  model.safetensors" in lines
    assert FAKE_TOKEN not in result.stdout + result.stderr
    for path in out.rglob("*"):
        if path.is_file():
            assert FAKE_TOKEN.encode() not in path.read_bytes(), path


def test_training_files_stay_out_of_model_uploads_unless_asked(tiny_llama_path, tmp_path):
    folder = tmp_path / "trained"
    shutil.copytree(tiny_llama_path, folder)
    leftovers = ["rejects.jsonl", "data_report.json", "trainer_state.json", "mcq.json", "checkpoint-20/config.json"]
    for name in leftovers + ["runs/events.out.tfevents.1"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("{}")
    plain = push_folder(folder, kind="model", repo_id="me/m", dry_run_dir=tmp_path / "plain").files
    assert plain == push_folder(tiny_llama_path, kind="model", repo_id="me/m", dry_run_dir=tmp_path / "ref").files
    asked = push_folder(
        folder, kind="model", repo_id="me/m", dry_run_dir=tmp_path / "asked", include_training_files=True
    ).files
    # checkpoint folders are never uploaded; the rest of the training files only when asked
    extra = ["data_report.json", "mcq.json", "rejects.jsonl", "runs/events.out.tfevents.1", "trainer_state.json"]
    assert sorted(set(asked) - set(plain)) == extra
    result = run_cli(
        "push",
        "model",
        str(folder),
        "--repo-id",
        "me/m",
        "--dry-run",
        str(tmp_path / "cli"),
        "--include-training-files",
    )
    assert result.returncode == 0, result.stderr
    assert "  rejects.jsonl" in result.stdout.splitlines()
