"""The LLM Zoo prompt format, byte for byte, and the loss masks of every registered template."""

from __future__ import annotations

import pytest

from llmzoo_hf import apply_chat_template, get_chat_template, list_templates
from llmzoo_hf.errors import TemplateError, TemplateNotFoundError
from llmzoo_hf.templates import (
    PHOENIX_SYSTEM_PROMPT,
    get_inference_chat_template,
    get_template,
    get_training_chat_template,
    render,
    training_chat_template,
)

SYSTEM = (
    "A chat between a curious human and an artificial intelligence assistant. The assistant gives helpful, "
    "detailed, and polite answers to the human's questions.\n\n"
)

LLMZOO_FORMATS = ("phoenix", "chimera")  # the LLM Zoo format, byte-exact in test_llmzoo_format_is_byte_exact

# (language, user turns, assistant turns): rendered by hand below, never by the template under test.
CONVERSATIONS = [
    ("en", ["Hello", "What is 2+2?"], ["Hi! How can I help?", "2+2 is 4."]),
    ("zh", ["你好", "法国的首都是哪里？"], ["你好！有什么可以帮你？", "法国的首都是巴黎。"]),
    ("ar", ["مرحبا", "ما هي عاصمة مصر؟"], ["أهلا! كيف أساعدك؟", "عاصمة مصر هي القاهرة."]),
    ("hi", ["नमस्ते", "भारत की राजधानी क्या है?"], ["नमस्ते! मैं कैसे मदद करूँ?", "भारत की राजधानी नई दिल्ली है।"]),
    ("ja", ["こんにちは", "日本の首都は？"], ["こんにちは！", "東京です。"]),
    ("es", ["Hola", "¿Capital de Francia?"], ["¡Hola!", "París."]),
    ("ru", ["Привет", "Столица России?"], ["Здравствуйте!", "Москва."]),
]


def _messages(users: list[str], replies: list[str], n_turns: int, *, open_question: bool) -> list[dict[str, str]]:
    messages = []
    for user, reply in list(zip(users, replies, strict=True))[:n_turns]:
        messages += [{"role": "user", "content": user}, {"role": "assistant", "content": reply}]
    if open_question:
        messages.append({"role": "user", "content": users[n_turns]})
    return messages


@pytest.mark.parametrize("name", LLMZOO_FORMATS)
@pytest.mark.parametrize(("lang", "users", "replies"), CONVERSATIONS, ids=[c[0] for c in CONVERSATIONS])
def test_llmzoo_format_is_byte_exact(name, lang, users, replies):
    # One finished exchange, no generation prompt.
    one_turn = _messages(users, replies, 1, open_question=False)
    assert render(name, one_turn) == f"{SYSTEM}Human: <s>{users[0]}</s>Assistant: <s>{replies[0]}</s>"
    # Two finished exchanges.
    two_turns = _messages(users, replies, 2, open_question=False)
    assert render(name, two_turns) == (
        f"{SYSTEM}Human: <s>{users[0]}</s>Assistant: <s>{replies[0]}</s>"
        f"Human: <s>{users[1]}</s>Assistant: <s>{replies[1]}</s>"
    )
    # A question waiting for its answer, with the generation prompt.
    waiting = _messages(users, replies, 1, open_question=True)
    assert render(name, waiting, add_generation_prompt=True) == (
        f"{SYSTEM}Human: <s>{users[0]}</s>Assistant: <s>{replies[0]}</s>Human: <s>{users[1]}</s>Assistant: <s>"
    )
    # The first question alone.
    first = [{"role": "user", "content": users[0]}]
    assert render(name, first, add_generation_prompt=True) == f"{SYSTEM}Human: <s>{users[0]}</s>Assistant: <s>"


def test_system_message_replaces_default_system_text():
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    assert render("phoenix", messages, add_generation_prompt=True) == "Be brief.\n\nHuman: <s>Hi</s>Assistant: <s>"


def test_template_uses_the_tokenizers_own_bos_eos():
    messages = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Yo"}]
    text = render("chimera", messages, bos_token="<|im_start|>", eos_token="<|im_end|>")
    assert text == f"{SYSTEM}Human: <|im_start|>Hi<|im_end|>Assistant: <|im_start|>Yo<|im_end|>"


def test_default_system_prompt_constant_matches_mission():
    assert PHOENIX_SYSTEM_PROMPT + "\n\n" == SYSTEM


# Every other registered format, byte for byte, on the same three messages (Hi / Yo / Bye, generation prompt on).
OTHER_FORMATS = {
    "vicuna_v1.1": (
        "A chat between a curious user and an artificial intelligence assistant. The assistant gives helpful, "
        "detailed, and polite answers to the user's questions. USER: Hi ASSISTANT: Yo</s>USER: Bye ASSISTANT:"
    ),
    "alpaca": (
        "Below is an instruction that describes a task. Write a response that appropriately completes the "
        "request.\n\n### Instruction:\nHi\n\n### Response:\nYo</s>\n\n### Instruction:\nBye\n\n### Response:\n"
    ),
    "belle": "Human: Hi\n\nAssistant: Yo</s>\n\nHuman: Bye\n\nAssistant: ",
    "chatml": (
        "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nYo<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n"
        "<|im_start|>assistant\n"
    ),
    "koala": "BEGINNING OF CONVERSATION: USER: Hi GPT: Yo</s>USER: Bye GPT:",
    "dolly": (
        "Below is an instruction that describes a task. Write a response that appropriately completes the "
        "request.\n\n### Instruction:\nHi\n\n### Response:\nYo\n\n### End\n\n### Instruction:\nBye\n\n### Response:\n"
    ),
}
# baize's long system prompt is checked by its ends in test_baize_format


def test_every_registered_format_has_a_byte_exact_test():
    assert sorted([*OTHER_FORMATS, *LLMZOO_FORMATS, "baize"]) == list_templates()


@pytest.mark.parametrize(("name", "expected"), OTHER_FORMATS.items(), ids=list(OTHER_FORMATS))
def test_other_registered_formats(name, expected):
    messages = [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Yo"},
        {"role": "user", "content": "Bye"},
    ]
    assert render(name, messages, add_generation_prompt=True) == expected


def test_baize_format():
    messages = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Yo"}]
    text = render("baize", messages, add_generation_prompt=False)
    assert text.startswith("The following is a conversation between a human and an AI assistant named Baize")
    assert text.endswith("Complete the transcript in exactly that format.\n[|Human|]Hi\n[|AI|]Yo</s>\n")


def test_registry_lists_required_formats_and_rejects_unknown_names():
    names = list_templates()
    for required in ("phoenix", "chimera", "vicuna_v1.1", "alpaca", "baize", "belle"):
        assert required in names
    assert get_template("Vicuna").name == "vicuna_v1.1"
    with pytest.raises(TemplateNotFoundError, match=r"Unknown chat template 'nope'\. Known templates: .*phoenix"):
        get_chat_template("nope")


@pytest.mark.parametrize("name", list_templates())
def test_training_variant_marks_generation_spans_and_inference_variant_has_none(name):
    assert "{%- generation -%}" in get_chat_template(name, training=True)
    assert "generation %" not in get_chat_template(name).replace("-%}", "%}")
    assert get_training_chat_template(get_chat_template(name)) == get_chat_template(name, training=True)
    # A template already marked is its own training template (TRL's rule); an unknown unmarked one is refused.
    assert get_training_chat_template(get_chat_template(name, training=True)) == get_chat_template(name, training=True)


@pytest.mark.parametrize("name", list_templates())
def test_inference_variant_of_every_template(name):
    assert get_inference_chat_template(get_chat_template(name, training=True)) == get_chat_template(name)
    assert get_inference_chat_template(get_chat_template(name)) == get_chat_template(name)
    # An unregistered marked template loses only its tags.
    assert get_inference_chat_template("a{%- generation -%}b{%- endgeneration -%}c") == "abc"
    assert get_inference_chat_template(None) is None


def test_unknown_unmarked_template_has_no_training_variant():
    with pytest.raises(TemplateError, match=r"not a registered one and has no \{% generation %\} spans"):
        get_training_chat_template("{{ messages[0]['content'] }}")


def _trained_pieces(tokenizer, messages):
    # The loss mask is read from the training variant of the tokenizer's (inference) template, as SFT does.
    with training_chat_template(tokenizer):
        out = tokenizer.apply_chat_template(
            messages, tokenize=True, return_dict=True, return_assistant_tokens_mask=True
        )
    ids, mask = out["input_ids"], out["assistant_masks"]
    pieces, current = [], []
    for token, flag in zip(ids, mask, strict=True):
        if flag:
            current.append(token)
        elif current:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return pieces


@pytest.mark.parametrize("name", LLMZOO_FORMATS)
@pytest.mark.parametrize("tokenizer_fixture", ["smol_tokenizer", "bloom_tokenizer"])
@pytest.mark.parametrize(("lang", "users", "replies"), CONVERSATIONS[:5], ids=[c[0] for c in CONVERSATIONS[:5]])
def test_assistant_mask_covers_exactly_each_reply_with_bos_and_eos(
    request, name, tokenizer_fixture, lang, users, replies
):
    tokenizer = request.getfixturevalue(tokenizer_fixture)
    apply_chat_template(tokenizer, name)
    messages = _messages(users, replies, 2, open_question=False)
    pieces = _trained_pieces(tokenizer, messages)
    bos, eos = tokenizer.bos_token, tokenizer.eos_token
    expected = [tokenizer(f"{bos}{reply}{eos}", add_special_tokens=False)["input_ids"] for reply in replies]
    assert pieces == expected
    # The trained span starts with BOS and ends with EOS, and nothing of the user turns is trained.
    for piece in pieces:
        assert piece[0] == tokenizer.bos_token_id and piece[-1] == tokenizer.eos_token_id


# What each format trains on around a reply, by hand ({bos}/{eos}: the tokenizer's own strings). A template
# registered without a row here fails the test below until its expected span is written down.
TRAINED_SPAN = {
    "phoenix": ("{bos}", "{eos}"),
    "chimera": ("{bos}", "{eos}"),
    "vicuna_v1.1": ("", "{eos}"),
    "alpaca": ("", "{eos}"),
    "baize": ("", "{eos}"),
    "belle": ("", "{eos}"),
    "koala": ("", "{eos}"),
    "chatml": ("", "<|im_end|>"),
    "dolly": ("", "\n\n### End"),
}


@pytest.mark.parametrize("tokenizer_fixture", ["smol_tokenizer", "bloom_tokenizer"])
@pytest.mark.parametrize("name", list_templates())
def test_assistant_mask_is_each_reply_with_its_end_marker(request, name, tokenizer_fixture):
    tokenizer = request.getfixturevalue(tokenizer_fixture)
    apply_chat_template(tokenizer, name)
    messages = [
        {"role": "user", "content": "Bonjour"},
        {"role": "assistant", "content": "Salut, ça va ?"},
        {"role": "user", "content": "Oui"},
        {"role": "assistant", "content": "Tant mieux !"},
    ]
    pieces = _trained_pieces(tokenizer, messages)
    opening, closing = (part.format(bos=tokenizer.bos_token, eos=tokenizer.eos_token) for part in TRAINED_SPAN[name])
    decoded = [tokenizer.decode(p) for p in pieces]
    # Byte-level BPE glues the space after "ASSISTANT:" to the reply's first token, which is then trained too.
    assert [d.removeprefix(" ") for d in decoded] == [
        f"{opening}Salut, ça va ?{closing}",
        f"{opening}Tant mieux !{closing}",
    ]
    # The tokenizer still carries the inference template afterwards.
    assert tokenizer.chat_template == get_chat_template(name)


def test_apply_chat_template_writes_template_into_saved_config(tmp_path, bloom_tokenizer):
    from transformers import AutoTokenizer

    apply_chat_template(bloom_tokenizer, "phoenix")
    bloom_tokenizer.save_pretrained(tmp_path)
    reloaded = AutoTokenizer.from_pretrained(tmp_path)
    assert reloaded.chat_template == get_chat_template("phoenix")
    messages = [{"role": "user", "content": "Hi"}]
    assert reloaded.apply_chat_template(messages, tokenize=False, add_generation_prompt=True) == (
        f"{SYSTEM}Human: <s>Hi</s>Assistant: <s>"
    )


def test_apply_chat_template_needs_bos_and_eos(bloom_tokenizer):
    import copy

    tokenizer = copy.deepcopy(bloom_tokenizer)
    tokenizer.bos_token = None
    with pytest.raises(TemplateError, match=r"needs `tokenizer.bos_token`"):
        apply_chat_template(tokenizer, "chimera")


# ---------------------------------------------------------------- the saved template in every engine

ENGINE_CASES = {
    "multi_turn": (
        [
            {"role": "user", "content": "Bonjour"},
            {"role": "assistant", "content": "Salut !"},
            {"role": "user", "content": "法国的首都是哪里？"},
            {"role": "assistant", "content": "巴黎。"},
        ],
        False,
    ),
    "system": (
        [
            {"role": "system", "content": 'Be brief.\nAnswer in "quotes".'},
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": "Yo"},
        ],
        False,
    ),
    "generation_prompt": (
        [
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": "Yo"},
            {"role": "user", "content": "مرحبا"},
        ],
        True,
    ),
}


def render_in_every_engine(source: str, messages, *, add_generation_prompt: bool, bos: str, eos: str) -> dict:
    """Render ``source`` in MiniJinja, plain Jinja2 and Jinja2's sandbox as transformers configures it."""
    import jinja2
    import minijinja
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    context = {
        "messages": messages,
        "add_generation_prompt": add_generation_prompt,
        "bos_token": bos,
        "eos_token": eos,
    }
    sandbox = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)  # transformers' settings
    return {
        "minijinja": minijinja.Environment().render_str(source, **context),
        "jinja2": jinja2.Environment().from_string(source).render(**context),
        "jinja2_sandbox": sandbox.from_string(source).render(**context),
    }


def assert_renders_identically_everywhere(tokenizer, source: str) -> None:
    """The template ``tokenizer`` carries (``source``, as read from its folder) renders the same in every engine."""
    for case, (messages, add_generation_prompt) in ENGINE_CASES.items():
        expected = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)
        rendered = render_in_every_engine(
            source,
            messages,
            add_generation_prompt=add_generation_prompt,
            bos=tokenizer.bos_token,
            eos=tokenizer.eos_token,
        )
        assert rendered == dict.fromkeys(rendered, expected), case


@pytest.mark.parametrize("tokenizer_fixture", ["smol_tokenizer", "bloom_tokenizer"])
@pytest.mark.parametrize("name", list_templates())
def test_saved_template_renders_identically_in_minijinja_jinja2_and_transformers(
    request, tmp_path, name, tokenizer_fixture
):
    from transformers import AutoTokenizer

    tokenizer = request.getfixturevalue(tokenizer_fixture)
    apply_chat_template(tokenizer, name)
    tokenizer.save_pretrained(tmp_path)
    # What TGI / vLLM / llama.cpp read from the folder: the chat_template.jinja file, with no {% generation %}.
    source = (tmp_path / "chat_template.jinja").read_text(encoding="utf-8")
    assert source == get_chat_template(name)
    reloaded = AutoTokenizer.from_pretrained(tmp_path)
    assert_renders_identically_everywhere(reloaded, source)
    # Byte-identical to what the training variant renders, so the model sees at inference what it was trained on.
    for case, (messages, add_generation_prompt) in ENGINE_CASES.items():
        assert reloaded.apply_chat_template(
            messages,
            tokenize=False,
            add_generation_prompt=add_generation_prompt,
            chat_template=get_chat_template(name, training=True),
        ) == reloaded.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt), case


def test_training_variant_is_what_other_engines_reject():
    """Why the tokenizer carries the inference variant: MiniJinja and Jinja2 refuse {% generation %}."""
    import jinja2
    import minijinja

    source = get_chat_template("chimera", training=True)
    with pytest.raises(minijinja.TemplateError, match="unknown statement generation"):
        minijinja.Environment().render_str(source, messages=[])
    with pytest.raises(jinja2.TemplateSyntaxError, match="generation"):
        jinja2.Environment().from_string(source)


def test_training_chat_template_restores_the_inference_template(bloom_tokenizer):
    apply_chat_template(bloom_tokenizer, "phoenix")
    with training_chat_template(bloom_tokenizer) as source:
        assert bloom_tokenizer.chat_template == source == get_chat_template("phoenix", training=True)
    assert bloom_tokenizer.chat_template == get_chat_template("phoenix")


def test_push_uploads_the_inference_template(tiny_llama_path, tmp_path):
    from transformers import AutoTokenizer

    from llmzoo_hf.hub import push_folder

    push_folder(tiny_llama_path, kind="model", repo_id="me/chimera-tiny", dry_run_dir=tmp_path / "up")
    source = (tmp_path / "up" / "chat_template.jinja").read_text(encoding="utf-8")
    assert source == get_chat_template("chimera")
    assert_renders_identically_everywhere(AutoTokenizer.from_pretrained(tmp_path / "up"), source)


@pytest.mark.slow
def test_one_step_chimera_tiny_output_renders_identically_everywhere(tmp_path):
    """Issue 12 bar: the folder SFT writes carries a template every engine renders the same way."""
    from transformers import AutoTokenizer

    from test_sft import run_launch

    out = tmp_path / "chimera-tiny"
    run_launch(
        out,
        "--max_steps=1",
        "--per_device_train_batch_size=1",
        "--save_strategy=no",
        "--plot_loss=false",
        "--model_card=false",
    )
    source = (out / "chat_template.jinja").read_text(encoding="utf-8")
    assert source == get_chat_template("chimera")
    assert_renders_identically_everywhere(AutoTokenizer.from_pretrained(out), source)
