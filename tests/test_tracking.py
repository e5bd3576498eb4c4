"""Experiment tracking: chimera-tiny reports to trackio by default, offline, under the recipe's name."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import REPO_ROOT


@pytest.mark.slow
def test_tiny_run_logs_its_loss_points_to_trackio_offline(chimera_tiny_run):
    out, trackio_dir, done = chimera_tiny_run
    assert os.environ["HF_HUB_OFFLINE"] == "1"  # the run could reach no hub
    log = done.stdout + done.stderr
    assert "* Trackio project initialized: chimera-tiny" in log
    assert f"* Trackio metrics logged to: {trackio_dir}" in log
    assert (trackio_dir / "chimera-tiny.db").is_file()

    # Read the points back from trackio's local store, in a process that sees the run's TRACKIO_DIR.
    reader = (
        "import json; from trackio.sqlite_storage import SQLiteStorage as S; runs = S.get_runs('chimera-tiny'); "
        "print(json.dumps([runs, S.get_logs('chimera-tiny', runs[0])]))"
    )
    env = {**os.environ, "TRACKIO_DIR": str(trackio_dir)}
    result = subprocess.run([sys.executable, "-c", reader], capture_output=True, text=True, env=env, check=True)
    runs, logs = json.loads(result.stdout)
    assert len(runs) == 1
    tracked = [(e["train/global_step"], e["train/loss"]) for e in logs if "train/loss" in e]

    state = json.loads((out / "trainer_state.json").read_text())
    logged = [(e["step"], e["loss"]) for e in state["log_history"] if "loss" in e]
    assert [step for step, _ in logged] == [1, 2]
    assert tracked == logged  # the same two loss points, bit for bit


def test_recipe_name_is_the_project_and_trackio_is_checked(tmp_path):
    from llmzoo_hf._sft_recipe import parse_recipe
    from llmzoo_hf._sft_steps import configure_tracking

    recipe = REPO_ROOT / "recipes" / "chimera-tiny.yaml"
    _, training_args, _, recipe_path = parse_recipe([str(recipe), f"--output_dir={tmp_path}"])
    assert training_args.report_to == ["trackio"]
    configure_tracking(training_args, recipe_path)
    assert training_args.project == "chimera-tiny"
    _, training_args, _, recipe_path = parse_recipe([str(recipe), f"--output_dir={tmp_path}", "--project=mine"])
    configure_tracking(training_args, recipe_path)
    assert training_args.project == "mine"  # a recipe's own project wins
    _, training_args, _, _ = parse_recipe([str(recipe), f"--output_dir={tmp_path}", "--report_to=tensorboard"])
    assert training_args.report_to == ["tensorboard"]  # the other trackers stay selectable


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO_ROOT / "recipes").glob("*.yaml")))
def test_every_recipe_names_the_trackers(name):
    line = next(x for x in (REPO_ROOT / "recipes" / name).read_text().splitlines() if x.startswith("report_to:"))
    assert "trackio" in line and "tensorboard" in line and "wandb" in line
