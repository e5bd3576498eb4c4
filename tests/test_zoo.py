"""The zoo catalog: schema validation, templates, README table, zoo names in load_chat, and `llmzoo zoo`."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT, run_cli
from llmzoo_hf.errors import ConfigError, DeltaFolderError
from llmzoo_hf.templates import get_chat_template, render
from llmzoo_hf.zoo import (
    README_END,
    README_START,
    extract_readme_block,
    load_catalog,
    render_markdown_table,
    replace_readme_block,
    resolve_zoo_name,
)

ALL_NAMES = [
    "chatgpt",
    "wenxin",
    "chatglm-6b",
    "alpaca",
    "dolly",
    "belle",
    "guanaco",
    "chinese-llama-alpaca",
    "luotuo",
    "vicuna",
    "koala",
    "baize",
    "moss",
    "phoenix-chat-7b",
    "phoenix-inst-chat-7b",
    "phoenix-inst-chat-7b-int4",
    "chimera-chat-7b",
    "chimera-chat-13b",
    "chimera-inst-chat-7b",
    "chimera-inst-chat-13b",
    "chimera-tiny",
]
PHOENIX_AND_CHIMERA = [
    "phoenix-chat-7b",
    "phoenix-inst-chat-7b",
    "phoenix-inst-chat-7b-int4",
    "chimera-chat-7b",
    "chimera-chat-13b",
    "chimera-inst-chat-7b",
    "chimera-inst-chat-13b",
]

VALID_ENTRY = {
    "name": "my-model",
    "hub_id": "someone/my-model",
    "backbone": "BLOOMZ-7b1-mt",
    "parameters": "7B",
    "open_weights": "yes",
    "open_data": "no",
    "languages": ["en", "fr"],
    "instruction_data": {"size": "10K", "languages": "en"},
    "conversation_data": False,
    "release_date": "2024-05-01",
    "licence": "apache-2.0",
    "template": "phoenix",
}


def write_catalog(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "zoo.yaml"
    path.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------------- catalog


def test_builtin_catalog_has_every_model_in_order():
    catalog = load_catalog()
    assert catalog.names() == ALL_NAMES


def test_builtin_catalog_facts():
    catalog = load_catalog()
    phoenix = catalog.get("phoenix-inst-chat-7b")
    assert (phoenix.hub_id, phoenix.backbone, phoenix.template) == (
        "FreedomIntelligence/phoenix-inst-chat-7b",
        "BLOOMZ-7b1-mt",
        "phoenix",
    )
    chimera = catalog.get("Chimera-Inst-Chat-13B")  # names are case-insensitive
    assert (chimera.open_weights, chimera.base_model, chimera.hub_id) == (
        "delta",
        "LLaMA-13B",
        "FreedomIntelligence/chimera-inst-chat-13b-delta",
    )
    assert [e.name for e in catalog if e.open_weights == "no"] == ["chatgpt", "wenxin"]
    assert [e.name for e in catalog if e.open_weights == "delta"] == [
        "vicuna",
        "chimera-chat-7b",
        "chimera-chat-13b",
        "chimera-inst-chat-7b",
        "chimera-inst-chat-13b",
    ]
    assert catalog.get("alpaca").conversation_data is False  # LLM Zoo's table: no conversation data
    assert catalog.get("chatgpt").instruction_data is None  # never published
    assert catalog.get("FreedomIntelligence/phoenix-chat-7b").name == "phoenix-chat-7b"  # Hub ids resolve too
    assert all(entry.sources for entry in catalog if entry.name != "chimera-tiny")


def test_unknown_name_suggests_close_ones():
    with pytest.raises(
        ConfigError, match=r"'phoenix-inst-chat' is not in the zoo\. Did you mean phoenix-inst-chat-7b"
    ):
        load_catalog().get("phoenix-inst-chat")


def test_valid_custom_catalog_and_yaml_booleans(tmp_path):
    entry = dict(VALID_ENTRY, open_weights=True, release_date="2024-05")  # unquoted yes -> True in YAML
    catalog = load_catalog(write_catalog(tmp_path, [entry]))
    (loaded,) = catalog.entries
    assert (loaded.open_weights, loaded.release_date, loaded.languages) == ("yes", "2024-05", ("en", "fr"))
    assert loaded.to_dict()["instruction_data"] == {"size": "10K", "languages": "en"}


BROKEN = [
    ("missing name", lambda e: e.pop("name"), r"entry #1, field 'name': missing"),
    ("missing hub_id", lambda e: e.pop("hub_id"), r"entry 'my-model' \(#1\), field 'hub_id': missing"),
    (
        "unknown field",
        lambda e: e.update(licence_typo=1),
        r"field 'licence_typo': unknown field \(did you mean 'licence'\?\)",
    ),
    ("wrong type", lambda e: e.update(languages="en"), r"field 'languages': expected list, null, got str"),
    (
        "bad open_weights",
        lambda e: e.update(open_weights="maybe"),
        r"field 'open_weights': 'maybe' is not one of yes, no, delta, lora",
    ),
    (
        "bad open_data",
        lambda e: e.update(open_data="partly"),
        r"field 'open_data': 'partly' is not one of yes, no, null",
    ),
    ("bad date", lambda e: e.update(release_date="April 2023"), r"field 'release_date': 'April 2023' is not a date"),
    (
        "impossible date",
        lambda e: e.update(release_date="2023-02-30"),
        r"field 'release_date': '2023-02-30' is not a date",
    ),
    ("unknown template", lambda e: e.update(template="nope"), r"field 'template': Unknown chat template 'nope'"),
    (
        "delta without base",
        lambda e: e.update(open_weights="delta"),
        r"field 'base_model': required when open_weights is 'delta'",
    ),
    (
        "bad data key",
        lambda e: e.update(instruction_data={"count": 3}),
        r"field 'instruction_data': unknown key\(s\) \['count'\]",
    ),
    ("data true", lambda e: e.update(conversation_data=True), r"field 'conversation_data': true says nothing"),
    ("empty languages", lambda e: e.update(languages=[]), r"field 'languages': \[\] must be a non-empty list"),
    ("upper-case name", lambda e: e.update(name="My Model"), r"field 'name': 'My Model' must be lower case"),
]


@pytest.mark.parametrize("mutate, message", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_entry_names_entry_and_field(tmp_path, mutate, message):
    entry = copy.deepcopy(VALID_ENTRY)
    mutate(entry)
    path = write_catalog(tmp_path, [entry])
    with pytest.raises(ConfigError, match=message) as info:
        load_catalog(path)
    assert str(info.value).startswith(f"{path}: entry")


def test_duplicate_names_and_non_list(tmp_path):
    with pytest.raises(ConfigError, match=r"entry 'my-model', field 'name': used by more than one entry"):
        load_catalog(write_catalog(tmp_path, [VALID_ENTRY, VALID_ENTRY]))
    with pytest.raises(ConfigError, match=r"must be a list of entries, got dict"):
        load_catalog(write_catalog(tmp_path, VALID_ENTRY))
    with pytest.raises(ConfigError, match=r"does not exist"):
        load_catalog(tmp_path / "missing.yaml")


def test_user_catalog_from_env_adds_and_overrides(tmp_path, monkeypatch):
    override = dict(VALID_ENTRY, name="dolly", hub_id="/models/dolly")
    monkeypatch.setenv("LLMZOO_ZOO", str(write_catalog(tmp_path, [VALID_ENTRY, override])))
    catalog = load_catalog()
    assert catalog.names() == ALL_NAMES + ["my-model"]
    assert catalog.get("dolly").hub_id == "/models/dolly"


def test_filters():
    catalog = load_catalog()
    assert [e.name for e in catalog.filter(lang="zh", open_data=True)] == [
        "belle",
        "guanaco",
        "chinese-llama-alpaca",
        "luotuo",
        *PHOENIX_AND_CHIMERA,
        "chimera-tiny",  # trained on the bundled data, which has zh and de rows
    ]
    assert [e.name for e in catalog.filter(lang="de")] == ["chatgpt", "guanaco", *PHOENIX_AND_CHIMERA, "chimera-tiny"]
    assert "chimera-tiny" not in [e.name for e in catalog.filter(lang="ko")]  # its recipe leaves ar, hi and ko out


def test_chimera_tiny_entry_matches_its_recipe():
    entry = load_catalog().get("chimera-tiny")
    recipe = yaml.safe_load((REPO_ROOT / entry.recipe).read_text(encoding="utf-8"))
    assert list(entry.languages) == recipe["dataset_mixture"]["languages"]


# ------------------------------------------------------------------------------------------------- templates


@pytest.mark.parametrize("entry", [e for e in load_catalog() if e.template], ids=lambda e: e.name)
def test_every_template_renders_two_turns(entry):
    messages = [
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": "Hi there"},
        {"role": "user", "content": "Name a colour"},
        {"role": "assistant", "content": "Blue"},
    ]
    text = render(entry.template, messages, bos_token="<s>", eos_token="</s>")
    assert text.index("Hello") < text.index("Hi there") < text.index("Name a colour") < text.index("Blue")
    prompt = render(entry.template, messages[:3], bos_token="<s>", eos_token="</s>", add_generation_prompt=True)
    assert prompt.startswith(text[: text.index("Name a colour")])
    assert not prompt.rstrip().endswith("Name a colour")  # a generation prompt follows the last user turn


def test_zoo_templates_render_exactly():
    messages = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]
    assert render("phoenix", messages) == (
        "A chat between a curious human and an artificial intelligence assistant. The assistant gives helpful, "
        "detailed, and polite answers to the human's questions.\n\nHuman: <s>Hi</s>Assistant: <s>Hello</s>"
    )
    assert render("koala", messages, add_generation_prompt=False) == (
        "BEGINNING OF CONVERSATION: USER: Hi GPT: Hello</s>"
    )
    assert render("dolly", messages) == (
        "Below is an instruction that describes a task. Write a response that appropriately completes the request."
        "\n\n### Instruction:\nHi\n\n### Response:\nHello\n\n### End\n\n"
    )
    assert [e.name for e in load_catalog() if e.template is None] == [
        "chatgpt",
        "wenxin",
        "chatglm-6b",
        "guanaco",
        "chinese-llama-alpaca",
        "luotuo",
        "moss",
    ]


# ----------------------------------------------------------------------------------------------- README table


def test_markdown_table_rows():
    table = render_markdown_table()
    lines = table.splitlines()
    assert len(lines) == 2 + len(ALL_NAMES)
    assert lines[0].startswith("| Name | Model | Backbone | Params | Weights |")
    assert (
        "| `phoenix-inst-chat-7b` | [Phoenix-inst-chat-7b](https://huggingface.co/FreedomIntelligence/"
        "phoenix-inst-chat-7b) | BLOOMZ-7b1-mt | 7B | yes | yes | multi | ?, 40+ | ?, 40+ | 2023-04-08 | ? | "
        "`phoenix` |" in lines
    )
    assert "| `alpaca` | Alpaca | LLaMA | 7B | yes | yes | en | 52K, en | none | 2023-03-13 | ? | `alpaca` |" in lines


def test_replace_readme_block_round_trip():
    text = f"# Title\n\n{README_START}\nold\n{README_END}\n\nMore.\n"
    updated = replace_readme_block(text, "| new |\n")
    assert updated == f"# Title\n\n{README_START}\n| new |\n{README_END}\n\nMore.\n"
    assert extract_readme_block(updated) == "| new |\n"
    with pytest.raises(ConfigError, match="has no zoo table block"):
        extract_readme_block("# no markers\n")


@pytest.mark.parametrize("relative", ["README.md"])
def test_readme_table_matches_catalog(relative):
    path = REPO_ROOT / relative
    block = extract_readme_block(path.read_text(encoding="utf-8"), source=str(path))
    assert block == render_markdown_table(), f"{relative} is stale: run python scripts/update_readme_zoo.py"


# ------------------------------------------------------------------------------------------- zoo names in load_chat


@pytest.fixture
def bloom_without_template(tmp_path, tiny_bloom_path) -> Path:
    folder = tmp_path / "bloom-no-template"
    shutil.copytree(tiny_bloom_path, folder)
    (folder / "chat_template.jinja").unlink(missing_ok=True)
    config_path = folder / "tokenizer_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config.pop("chat_template", None)
    config_path.write_text(json.dumps(config), encoding="utf-8")
    return folder


def test_load_chat_resolves_zoo_name_to_folder_and_template(tmp_path, monkeypatch, bloom_without_template):
    from transformers import AutoTokenizer

    from llmzoo_hf import load_chat

    assert not AutoTokenizer.from_pretrained(bloom_without_template).chat_template
    entry = dict(VALID_ENTRY, name="phoenix-inst-chat-7b", hub_id=str(bloom_without_template), template="phoenix")
    monkeypatch.setenv("LLMZOO_ZOO", str(write_catalog(tmp_path, [entry])))
    session = load_chat("phoenix-inst-chat-7b", temperature=0, max_new_tokens=3)
    assert session.tokenizer.chat_template == get_chat_template("phoenix")
    assert (session.template_name, session.template_source) == ("phoenix", "named")
    assert isinstance(session.chat("Hello"), str)


def test_resolve_zoo_name_returns_hub_id_template_and_revision():
    resolved = resolve_zoo_name("phoenix-inst-chat-7b", revision="v1")
    assert (resolved.path, resolved.kind, resolved.template, resolved.revision) == (
        "FreedomIntelligence/phoenix-inst-chat-7b",
        "zoo",
        "phoenix",
        "v1",
    )
    assert resolve_zoo_name("someone/not-in-the-zoo") is None


def test_delta_entry_says_apply_the_delta_first():
    from llmzoo_hf import load_chat

    with pytest.raises(DeltaFolderError, match=r"needs the base model LLaMA-13B\. Apply the delta first") as info:
        load_chat("chimera-inst-chat-13b")
    assert (
        "llmzoo delta apply --base /path/to/llama-13b --delta FreedomIntelligence/chimera-inst-chat-13b-delta "
        "--out chimera-inst-chat-13b-delta-merged" in str(info.value)
    )


@pytest.mark.parametrize(
    "name, message",
    [
        ("chatgpt", r"ChatGPT \(zoo name 'chatgpt'\) is API-only"),
        ("wenxin", r"is API-only: its weights were never released"),
        ("baize", r"is a LoRA adapter \(project-baize/baize-lora-7B\) over LLaMA-7B"),
        ("chimera-tiny", r"has nothing to download: .*recipes/chimera-tiny\.yaml"),
        (
            "koala",
            r"has no public Hub id in the zoo\. Pass a local copy of its weights instead, with template='koala'",
        ),
    ],
)
def test_models_without_downloadable_weights_explain_why(name, message):
    from llmzoo_hf.chat import resolve_model

    with pytest.raises(ConfigError, match=message):
        resolve_model(name)


# ---------------------------------------------------------------------------------------------------- CLI


@pytest.mark.slow
def test_cli_list_formats_and_filters():
    table = run_cli("zoo", "list", timeout=120)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["NAME", "PARAMS", "WEIGHTS", "DATA", "LANGUAGES", "RELEASED", "TEMPLATE", "HUB", "ID"]
    assert [line.split()[0] for line in lines[1:]] == ALL_NAMES

    as_json = run_cli("zoo", "list", "--lang", "zh", "--open-data", "--format", "json", timeout=120)
    assert as_json.returncode == 0, as_json.stderr
    records = json.loads(as_json.stdout)
    assert [r["name"] for r in records] == [
        "belle",
        "guanaco",
        "chinese-llama-alpaca",
        "luotuo",
        *PHOENIX_AND_CHIMERA,
        "chimera-tiny",
    ]
    assert records[0]["hub_id"] == "BelleGroup/BELLE-7B-2M"

    as_md = run_cli("zoo", "list", "--lang", "ja", "--format", "md", timeout=120)
    assert as_md.returncode == 0, as_md.stderr
    catalog = load_catalog()
    assert as_md.stdout == render_markdown_table(catalog.filter(lang="ja"))
    names = [row.split("`")[1] for row in as_md.stdout.splitlines()[2:]]
    assert names == ["chatgpt", "guanaco", *PHOENIX_AND_CHIMERA, "chimera-tiny"]

    open_data = run_cli("zoo", "list", "--open-data", "--format", "json", timeout=120)
    assert [r["name"] for r in json.loads(open_data.stdout)] == [
        "alpaca",
        "dolly",
        "belle",
        "guanaco",
        "chinese-llama-alpaca",
        "luotuo",
        "vicuna",
        "koala",
        "baize",
        *PHOENIX_AND_CHIMERA,
        "chimera-tiny",
    ]


@pytest.mark.slow
def test_cli_show():
    shown = run_cli("zoo", "show", "chimera-chat-7b", timeout=120)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert "hub_id: FreedomIntelligence/chimera-chat-7b-delta" in lines
    assert "open_weights: delta" in lines
    assert "base_model: LLaMA-7B" in lines
    assert "instruction_data: none" in lines
    assert "conversation_data: ?, Latin" in lines
    assert "template: chimera" in lines

    as_json = run_cli("zoo", "show", "dolly", "--format", "json", timeout=120)
    assert json.loads(as_json.stdout) == load_catalog().get("dolly").to_dict()

    missing = run_cli("zoo", "show", "vicunaa", timeout=120)
    assert missing.returncode == 1
    assert "llmzoo zoo: error: 'vicunaa' is not in the zoo. Did you mean vicuna?" in missing.stderr
