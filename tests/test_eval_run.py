"""``llmzoo eval run``: recipes parse strictly, the tiny recipe runs end to end and resumes without a single new
call, LLM Zoo's published answers + a judge replaying recorded reviews give LLM Zoo's published metric.json, the
results push as a dataset (dry run) and show in the Space's Leaderboard tab (real browser)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from _servers import FakeOpenAI
from conftest import REPO_ROOT, run_cli
from llmzoo_hf.errors import ConfigError
from llmzoo_hf.eval._io import read_jsonl
from llmzoo_hf.eval.recipe import EvalRecipe, load_eval_recipe

RECIPES = sorted((REPO_ROOT / "recipes" / "eval").glob("*.yaml"))
FIXTURES = Path(__file__).parent / "fixtures" / "eval"


@pytest.mark.slow
@pytest.mark.timeout(1800)  # three loads of the embedded model (two contestants and the judge server) on 2 CPUs
def test_tiny_recipe_runs_then_resumes_without_any_call(tmp_path, embedded_model_path):
    out = tmp_path / "tiny"
    argv = [
        "eval",
        "run",
        str(REPO_ROOT / "recipes" / "eval" / "tiny.yaml"),
        f"--output_dir={out}",
        f"--contestants.chimera-tiny.model={embedded_model_path}",  # the quickstart's model is not trained here
        "--limit=1",
        "--mcq.limit=1",  # the first item of each of the 4 bundled English sources
        "--answering.max_new_tokens=12",
        "--judge.max_tokens=24",
    ]
    proc = run_cli(*argv, timeout=1200)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # 2 contestants x 2 sets x 1 question = 4 answers; 2 sets x 1 question x 1 dimension = 2 judge calls
    assert "Judge calls: 2 to make (0 of 2 already done)" in proc.stdout
    assert "4 new answers, 2 judge calls (0 failed" in proc.stdout
    run = json.loads((out / "run.json").read_text())
    assert run["judge_server_started"] is True and run["answers_written"] == 4 and run["judge_calls"] == 2
    assert run["question_sets"] == ["en", "zh"] and run["judge"]["model"] == "smollm2-judge"
    assert run["recipe"]["contestants"][1]["model"] == str(embedded_model_path)
    assert {"llmzoo-hf", "torch", "transformers", "python"} <= set(run["versions"])
    for lang in ("en", "zh"):
        for name in ("smollm2-135m-instruct", "chimera-tiny"):
            records = read_jsonl(out / "answers" / lang / f"{name}.jsonl")
            assert [r["question_id"] for r in records] == [1]
            assert {r["model_id"] for r in records} == {name} and {r["lang"] for r in records} == {lang}
        reviews = read_jsonl(out / "reviews" / lang / "general" / "review.jsonl")
        assert [r["question_id"] for r in reviews] == [1]
        assert all(r["metadata"]["model_ids"] == ["smollm2-135m-instruct", "chimera-tiny"] for r in reviews)
        table = json.loads((out / "reviews" / lang / "general" / "metric.json").read_text())
        assert list(table) == ["chimera-tiny"] and set(table["chimera-tiny"]) == {"winning", "order", "score"}
        assert (out / "reviews" / lang / "general" / "ordering.txt").read_text().startswith("Model")
    mcq = json.loads((out / "mcq" / "chimera-tiny.json").read_text())
    assert mcq["accuracy"]["loglik"]["n"] == 4 and set(mcq["accuracy"]) == {"loglik"}
    for chart in ("ratio", "win_tie_lose", "mcq"):
        assert (out / "charts" / f"{chart}.png").stat().st_size > 1000
    report = (out / "report.md").read_text()
    assert "its verdicts mean nothing" in report
    assert "| Model | en/general | zh/general |" in report and "| chimera-tiny |" in report
    assert "![Win / tie / lose](charts/win_tie_lose.png)" in report and "## Medical MCQ accuracy (%)" in report

    before = {p: p.read_bytes() for p in out.rglob("*.jsonl")}
    before |= {p: p.read_bytes() for p in (out / "mcq").glob("*.json")}
    proc = run_cli(*argv, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Judge calls: 0 to make (2 of 2 already done)" in proc.stdout
    assert "0 new answers, 0 judge calls (0 failed" in proc.stdout
    run = json.loads((out / "run.json").read_text())
    assert [h["judge_calls"] for h in run["history"]] == [2, 0]
    assert [h["answers_written"] for h in run["history"]] == [4, 0]
    assert run["judge_server_started"] is False and run["mcq_scored"] == []
    assert {p: p.read_bytes() for p in before} == before  # no answer, review or MCQ file changed


# --------------------------------------------------------------------------------------------------- recipes


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda p: p.name)
def test_every_eval_recipe_parses(recipe):
    parsed = load_eval_recipe(recipe)
    assert isinstance(parsed, EvalRecipe) and len(parsed.contestants) >= 1
    assert parsed.question_sets or parsed.mcq is not None


def test_recipe_keys_are_checked_with_the_closest_name(tmp_path):
    recipe = tmp_path / "bad.yaml"
    recipe.write_text("contestants: [{name: a, model: embedded}]\nmcq: {langs: [en]}\noutput_dir: x\nlimt: 3\n")
    with pytest.raises(ConfigError, match=r"bad\.yaml: unknown key `limt`\. Did you mean `limit`\?"):
        load_eval_recipe(recipe)
    recipe.write_text("contestants: [{name: a, model: embedded, endpont: u}]\nmcq: {}\noutput_dir: x\n")
    with pytest.raises(
        ConfigError, match=r"bad\.yaml\.contestants\[0\]: unknown key `endpont`\. Did you mean `endpoint`"
    ):
        load_eval_recipe(recipe)
    recipe.write_text("contestants: [{name: a, model: embedded}]\nmcq: {k_shot: two}\noutput_dir: x\n")
    with pytest.raises(ConfigError, match=r"bad\.yaml\.mcq\.k_shot: expected int \| None, got 'two'"):
        load_eval_recipe(recipe)
    recipe.write_text("contestants: [{name: a, model: embedded, answers: a.jsonl}]\nmcq: {}\noutput_dir: x\n")
    with pytest.raises(ConfigError, match=r"contestant 'a': give exactly one of model, endpoint or answers"):
        load_eval_recipe(recipe)


def test_judge_endpoint_key_is_read_as_base_url_with_a_warning(tmp_path):
    recipe = tmp_path / "old.yaml"
    recipe.write_text(
        "contestants: [{name: a, answers: a.jsonl}, {name: b, answers: b.jsonl}]\nquestion_sets: [{path: general_en}]\n"
        "dimensions: [general]\noutput_dir: x\njudge: {endpoint: 'http://127.0.0.1:9/v1'}\n"
    )
    with pytest.warns(FutureWarning, match=r"old\.yaml\.judge: `endpoint` is now called `base_url`"):
        parsed = load_eval_recipe(recipe)
    assert parsed.judge.base_url == "http://127.0.0.1:9/v1"
    with pytest.warns(FutureWarning, match=r"command line: --judge\.endpoint: `endpoint` is now called `base_url`"):
        parsed = load_eval_recipe(recipe, ["--judge.endpoint=http://127.0.0.1:7/v1"])
    assert parsed.judge.base_url == "http://127.0.0.1:7/v1"


def test_overrides_by_dotted_path_index_and_name():
    tiny = REPO_ROOT / "recipes" / "eval" / "tiny.yaml"
    recipe = load_eval_recipe(
        tiny,
        ["--limit=1", "--judge.repeats=3", "--contestants.chimera-tiny.model=/x/y", "--contestants.0.dtype=float32"],
    )
    assert (recipe.limit, recipe.judge.repeats) == (1, 3)
    assert [(c.name, c.model, c.dtype) for c in recipe.contestants] == [
        ("smollm2-135m-instruct", "embedded", "float32"),
        ("chimera-tiny", "/x/y", "auto"),
    ]
    assert recipe.judge.settings("http://h").base_url == "http://h/v1" and recipe.judge.settings("http://u").seed == 0
    with pytest.raises(ConfigError, match=r"--judge\.repeat: unknown key `repeat`\. Did you mean `repeats`\?"):
        load_eval_recipe(tiny, ["--judge.repeat=2"])
    with pytest.raises(ConfigError, match=r"no list item named 'chimera'"):
        load_eval_recipe(tiny, ["--contestants.chimera.model=x"])
    assert load_eval_recipe("medical").mcq.k_shot == 3  # a bundled recipe by name
    from llmzoo_hf.eval.run import run_eval

    with pytest.raises(ConfigError, match=r"push needs `hub_dataset_id` in the recipe"):
        run_eval(load_eval_recipe("medical"), push=True)
    with pytest.raises(
        ConfigError, match=r"Eval recipe tinyy does not exist \(bundled recipes: llmzoo-general, medical"
    ):
        load_eval_recipe("tinyy")
    with pytest.raises(ConfigError, match=r"dimensions: unknown \['fluency'\]"):
        load_eval_recipe(tiny, ["--dimensions=[general, fluency]"])


def test_question_sets_in_both_layouts_and_the_plan(tmp_path):
    from llmzoo_hf.eval.run import plan_run, resolve_question_sets

    recipe = load_eval_recipe(
        REPO_ROOT / "recipes" / "eval" / "multilingual.yaml", ["--limit=3", f"--output_dir={tmp_path / 'out'}"]
    )
    sets = resolve_question_sets(recipe)  # bundled multilingual files: LLM Zoo's {"id", "label", "query"} layout
    assert [s.name for s in sets] == ["en", "zh", "es", "fr", "de", "ar", "hi", "ja", "ko", "ru", "pt", "it"]
    assert [q.question_id for q in sets[7].questions] == [1, 2, 3] and {q.lang for q in sets[7].questions} == {"ja"}
    plan = plan_run(recipe, sets)
    assert (plan.judge_calls, plan.judge_calls_done) == (36, 0)  # 12 sets x 3 questions x 1 dimension
    assert plan.answers_missing == {"gpt-3.5-turbo": 36, "phoenix-inst-chat-7b": 36}
    general = load_eval_recipe(REPO_ROOT / "recipes" / "eval" / "llmzoo-general.yaml")
    sets = resolve_question_sets(general)  # LLM Zoo's {"question_id", "text", "category"} layout
    # 80 questions, 10 of them coding or math: never sent to the judge (they count in no judge metric)
    assert [(s.name, len(s.questions), len(s.judged)) for s in sets] == [("en", 80, 70), ("zh", 80, 70)]
    assert plan_run(general, sets).judge_calls == 2 * 70 * 5
    with pytest.raises(ConfigError, match=r"a second set named 'en'"):
        resolve_question_sets(
            load_eval_recipe(
                REPO_ROOT / "recipes" / "eval" / "multilingual.yaml",
                ["--question_sets=[{path: general_en}, {path: multilingual/en}]"],
            )
        )


def test_cli_dry_run_prints_the_plan_and_writes_nothing(tmp_path):
    out = tmp_path / "run"
    recipe = FIXTURES / "llmzoo_zh_immersion" / "recipe.yaml"
    proc = run_cli("eval", "run", str(recipe), f"--output_dir={out}", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "Contestants: gpt-3.5-turbo, phoenix-7b, chimera-13b, chimera-7b (reference: gpt-3.5-turbo)" in proc.stdout
    assert "Question sets: zh (10 questions, 10 judged)" in proc.stdout
    assert "Judge calls: 10 to make (0 of 10 already done)" in proc.stdout
    assert "Answers to generate: gpt-3.5-turbo: 10, phoenix-7b: 10, chimera-13b: 10, chimera-7b: 10" in proc.stdout
    assert not out.exists()
    proc = run_cli("eval", "run", str(recipe), "--dry-run", "--judge.temprature=1")
    assert proc.returncode == 1 and "unknown key `temprature`. Did you mean `temperature`?" in proc.stderr


# --------------------------------------------------------------------------------------------------- replay


def _replay_judge() -> FakeOpenAI:
    """A fake OpenAI judge answering each judge request with the review recorded for its question (found by the
    question text in the prompt; an unknown one gets a 400); ``calls`` counts the reviews it gave."""
    root = FIXTURES / "llmzoo_zh_immersion"
    questions = {r["text"]: r["question_id"] for r in read_jsonl(root / "questions.jsonl")}
    replies = {r["question_id"]: r["text"] for r in read_jsonl(root / "judge_replies.jsonl")}

    def reply(messages: list[dict], number: int) -> str | None:
        text = messages[-1]["content"].split("[Question]\n", 1)[1].split("\n\n[Assistant 1]", 1)[0]
        if text not in questions:
            return None
        judge.calls += 1
        return replies[questions[text]]

    judge = FakeOpenAI(reply=reply, url_path="/v1")
    judge.calls = 0
    return judge


def run_replayed(out: Path) -> tuple[str, int]:
    """Run the zh/immersion replay recipe into ``out``; return the CLI's stdout and the judge calls it made."""
    recipe = FIXTURES / "llmzoo_zh_immersion" / "recipe.yaml"
    with _replay_judge() as judge:
        proc = run_cli("eval", "run", str(recipe), f"--output_dir={out}", f"--judge.base_url={judge.url}")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout, judge.calls


def test_published_answers_and_replayed_reviews_give_the_published_metric(tmp_path):
    out = tmp_path / "zh-immersion"
    stdout, calls = run_replayed(out)
    assert calls == 10 and "40 new answers, 10 judge calls (0 failed" in stdout
    published = (FIXTURES / "llmzoo_zh_immersion" / "published_metric.json").read_text()
    assert (out / "reviews" / "zh" / "immersion" / "metric.json").read_text() == published  # byte for byte
    assert (out / "reviews" / "zh" / "immersion" / "ordering.txt").read_text().splitlines()[1:] == [
        f"{'gpt-3.5-turbo':<30}{'1.3':<30}{'1':<30}",
        f"{'phoenix-7b':<30}{'1.9':<30}{'2':<30}",
        f"{'chimera-13b':<30}{'2.6':<30}{'3':<30}",
        f"{'chimera-7b':<30}{'3.2':<30}{'4':<30}",
    ]
    report = (out / "report.md").read_text()
    assert "| phoenix-7b | 74.5% |" in report and "| chimera-13b | 50.0% |" in report
    assert "| phoenix-7b | zh/immersion | 2 | 2 | 6 | 20.0% |" in report
    assert "## Human evaluation (arena votes)" in report
    # answers copied into the run carry the contestant's name; the published file stays where it was
    copied = read_jsonl(out / "answers" / "zh" / "phoenix-7b.jsonl")
    assert [r["question_id"] for r in copied] == list(range(91, 101)) and copied[0]["model_id"] == "phoenix-7b"
    # a rerun makes no judge call and changes no review
    before = (out / "reviews" / "zh" / "immersion" / "review.jsonl").read_bytes()
    stdout, calls = run_replayed(out)
    assert calls == 0 and "0 new answers, 0 judge calls (0 failed" in stdout
    assert (out / "reviews" / "zh" / "immersion" / "review.jsonl").read_bytes() == before


@pytest.fixture(scope="module")
def replayed_run(tmp_path_factory) -> Path:
    """A finished zh/immersion replay run, made in-process once for the tests that only read it."""
    from llmzoo_hf.eval.run import run_eval

    out = tmp_path_factory.mktemp("replayed") / "zh-immersion"
    recipe_path = FIXTURES / "llmzoo_zh_immersion" / "recipe.yaml"
    with _replay_judge() as judge:
        recipe = load_eval_recipe(recipe_path, [f"--output_dir={out}", f"--judge.base_url={judge.url}"])
        result = run_eval(recipe, recipe_path=recipe_path)
    assert (result.answers_written, result.judge_calls, judge.calls) == (40, 10, 10)
    return out


def test_leaderboard_data_stacks_runs_and_names_bad_sources(replayed_run, tmp_path):
    from llmzoo_hf.eval.leaderboard import load_leaderboard, sources_from_env

    assert sources_from_env({"LLMZOO_RESULTS": f" {replayed_run} , me/evals "}) == [str(replayed_run), "me/evals"]
    bad_votes = tmp_path / "votes.jsonl"
    bad_votes.write_text('{"model_a": "a", "model_b": "b", "winner": "x"}\n')
    data = load_leaderboard([str(replayed_run), str(tmp_path / "nope")], votes_path=bad_votes)
    name = "LLM Zoo zh/immersion, replayed"
    assert data.ratio == (
        ["Run", "Model", "zh/immersion"],
        [[name, "phoenix-7b", "74.5%"], [name, "chimera-13b", "50.0%"], [name, "chimera-7b", "38.7%"]],
    )
    assert data.win_tie_lose[1][2] == [name, "chimera-7b", "zh/immersion", "0", "0", "10", "0.0%"]
    assert [row[1:] for row in data.ordering[1]][0] == ["zh/immersion", "1", "gpt-3.5-turbo", "1.300"]
    assert data.mcq == (["Run", "Model", "Method", "Lang", "Source", "N", "Accuracy"], [])
    assert [caption for _, caption in data.charts] == [f"{name}: ratio", f"{name}: win / tie / lose"]
    assert data.human == (["Model A", "Model B", "Win", "Tie", "Lose", "Win rate"], [])
    assert len(data.errors) == 2
    assert "nope is neither a results folder nor a Hub dataset id" in data.errors[0]
    assert "votes.jsonl:1: winner='x'" in data.errors[1]


def test_push_dry_run_stages_results_and_card(replayed_run, tmp_path):
    import shutil

    out = tmp_path / "zh-immersion"
    shutil.copytree(replayed_run, out)
    (out / "logs").mkdir()
    (out / "logs" / "judge-serve.log").write_text("not uploaded")
    proc = run_cli("eval", "push", str(out), "--repo-id", "me/llmzoo-zh-immersion", "--dry-run", str(tmp_path / "up"))
    assert proc.returncode == 0, proc.stderr
    files = sorted(p.relative_to(tmp_path / "up").as_posix() for p in (tmp_path / "up").rglob("*") if p.is_file())
    assert files == sorted(
        ["README.md", "report.md", "run.json", "charts/ratio.png", "charts/win_tie_lose.png"]
        + [f"answers/zh/{m}.jsonl" for m in ("gpt-3.5-turbo", "phoenix-7b", "chimera-13b", "chimera-7b")]
        + [f"reviews/zh/immersion/{n}" for n in ("review.jsonl", "metric.json", "metric.summary.json", "ordering.txt")]
    )
    assert f"Dry run: {len(files)} files for dataset me/llmzoo-zh-immersion" in proc.stdout
    card = (tmp_path / "up" / "README.md").read_text()
    assert card.startswith("---\n") and "language:\n- zh\n" in card and "- llm-as-a-judge" in card
    assert "| phoenix-7b | 74.5% |" in card and "Contestants: `gpt-3.5-turbo`, `phoenix-7b`" in card
    assert "- Judge: `gpt-3.5-turbo`, temperature 0.0, seed None, 1 repeat(s)" in card


# --------------------------------------------------------------------------------------------------- leaderboard

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (apt-get install -y chromium)")
def test_leaderboard_tab_shows_a_finished_run_and_the_arena_votes(tmp_path):
    import shutil

    from playwright.sync_api import expect, sync_playwright

    from _servers import free_port, local_server

    out = tmp_path / "zh-immersion"
    run_replayed(out)  # the CLI, as a user runs it
    votes = tmp_path / "votes.jsonl"
    shutil.copy(FIXTURES / "arena_votes.jsonl", votes)
    port = free_port()
    # the endpoint is never called: the test stays on the Leaderboard tab
    argv = [sys.executable, "-m", "llmzoo_hf.cli", "space", "--port", str(port), "--votes", str(votes)]
    argv += ["--endpoints", "unused=http://127.0.0.1:9"]
    env = {"LLMZOO_RESULTS": f"{out},{tmp_path / 'missing-run'}"}
    with local_server(argv, port=port, log_path=tmp_path / "space.log", health_path="/", env=env) as space:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
            page = browser.new_page()
            page.set_default_timeout(120_000)
            expect.set_options(timeout=120_000)
            try:
                page.goto(space.url)
                page.get_by_role("tab", name="Leaderboard").click()
                run_name = "LLM Zoo zh/immersion, replayed"

                def expect_row(table: str, cells: str) -> None:
                    row = page.locator(f"#leaderboard-{table}").get_by_role("row", name=cells, exact=True)
                    expect(row).to_be_visible()

                expect(page.locator("#leaderboard-ratio")).to_contain_text("zh/immersion")
                for model, cell in (("phoenix-7b", "74.5%"), ("chimera-13b", "50.0%"), ("chimera-7b", "38.7%")):
                    expect_row("ratio", f"{run_name} {model} {cell}")
                expect_row("win-tie-lose", f"{run_name} phoenix-7b zh/immersion 2 2 6 20.0%")
                expect_row("human", "phoenix chatgpt 2 1 1 50.0%")
                expect_row("human", "phoenix chimera 0 0 1 0.0%")
                expect(page.locator("#leaderboard-status")).to_contain_text("Could not read")
                # a new arena vote shows after Refresh
                with votes.open("a") as handle:
                    handle.write(json.dumps({"model_a": "phoenix", "model_b": "chimera", "winner": "model_a"}) + "\n")
                page.locator("#leaderboard-refresh").click()
                expect_row("human", "phoenix chimera 1 0 1 50.0%")
                page.screenshot(path=str(tmp_path / "leaderboard.png"), full_page=True)
            finally:
                browser.close()
    assert (tmp_path / "leaderboard.png").stat().st_size > 0
