"""Chat templates: the LLM Zoo (Phoenix / Chimera) prompt format and the formats of the assistants it was compared with.

Every template comes in two variants that render byte-identical text:

- the **inference** template, plain Jinja that transformers, MiniJinja (TGI, vLLM's Rust frontend, mistral.rs) and
  Jinja2 (llama-cpp-python, text-generation-webui) all parse; it is what :func:`apply_chat_template` writes into the
  tokenizer, so it is what a trained model's folder and Hub repo carry;
- the **training** template, which also wraps the span a model is trained on in ``{% generation %}`` so that
  ``return_assistant_tokens_mask=True`` yields the loss mask. ``{% generation %}`` is a transformers extension that
  the other engines reject, so, as TRL does with its ``*_training.jinja`` templates, it is used only while the
  training data is tokenised (:func:`training_chat_template`).

The LLM Zoo format, byte for byte (``<s>``/``</s>`` are the tokenizer's own BOS/EOS strings)::

    {system}\\n\\nHuman: <s>{user}</s>Assistant: <s>{reply}</s>Human: <s>...</s>Assistant: <s>
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import TemplateError, TemplateNotFoundError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

PHOENIX_SYSTEM_PROMPT = (
    "A chat between a curious human and an artificial intelligence assistant. "
    "The assistant gives helpful, detailed, and polite answers to the human's questions."
)
VICUNA_SYSTEM_PROMPT = (
    "A chat between a curious user and an artificial intelligence assistant. "
    "The assistant gives helpful, detailed, and polite answers to the user's questions."
)
ALPACA_SYSTEM_PROMPT = (
    "Below is an instruction that describes a task. Write a response that appropriately completes the request."
)
KOALA_SYSTEM_PROMPT = "BEGINNING OF CONVERSATION:"
# Dolly v1 (databricks/dolly-v1-6b) reuses Alpaca's task preamble and ends every response with its "### End" key.
DOLLY_SYSTEM_PROMPT = ALPACA_SYSTEM_PROMPT
BAIZE_SYSTEM_PROMPT = (
    "The following is a conversation between a human and an AI assistant named Baize (named after a mythological "
    "creature in Chinese folklore). Baize is an open-source AI assistant developed by UCSD and Sun Yat-Sen "
    "University. The human and the AI assistant take turns chatting. Human statements start with [|Human|] and AI "
    "statements start with [|AI|]. The AI assistant always provides responses in as much detail as possible, and "
    "in Markdown format. The AI assistant always declines to engage with topics, questions and instructions "
    "related to unethical, controversial, or sensitive issues. Complete the transcript in exactly that format."
)


def _jinja_str(text: str) -> str:
    """Quote ``text`` as a Jinja string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_GENERATION_TAGS = ("{%- generation -%}", "{%- endgeneration -%}")
_GENERATION_MARKER = re.compile(r"\{%-?\s*generation\s*-?%\}")  # any whitespace-trim variant, as TRL checks
_ANY_GENERATION_TAG = re.compile(r"\{%-?\s*(?:end)?generation\s*-?%\}")


def _build(
    *,
    default_system: str | None,
    system_prefix: str = "",
    system_suffix: str,
    user_prefix: str,
    user_open: str = "",
    user_close: str = "",
    user_suffix: str = "",
    assistant_prefix: str,
    reply_open: str,
    reply_close: str,
    assistant_suffix: str = "",
    generation_prompt: str,
) -> tuple[str, str]:
    """Assemble a turn-based Jinja chat template from its pieces; return its ``(inference, training)`` variants.

    ``*_prefix``/``*_suffix`` are literal text. ``user_open``/``user_close``/``reply_open``/``reply_close``/
    ``generation_prompt`` are Jinja expressions (e.g. ``bos_token``), empty for none. The trained span, inside
    ``{% generation %}`` in the training variant, is ``reply_open + content + reply_close``. The two variants differ
    only by the whitespace-trimming ``{%- generation -%}`` / ``{%- endgeneration -%}`` tags, which output nothing, so
    they render the same text.
    """

    def concat(*pieces: str) -> str:
        return " + ".join(p for p in pieces if p)

    def emit(*pieces: str) -> str:
        expr = concat(*pieces)
        return f"{{{{- {expr} -}}}}" if expr else ""

    def lit(text: str) -> str:
        return _jinja_str(text) if text else ""

    system_default = _jinja_str(default_system) if default_system is not None else "none"
    pieces = [
        "{%- if messages and messages[0]['role'] == 'system' -%}",
        "{%- set system_message = messages[0]['content'] -%}{%- set loop_messages = messages[1:] -%}",
        "{%- else -%}",
        f"{{%- set system_message = {system_default} -%}}{{%- set loop_messages = messages -%}}",
        "{%- endif -%}",
        "{%- if system_message is not none -%}",
        emit(lit(system_prefix), "system_message", lit(system_suffix)),
        "{%- endif -%}",
        "{%- for message in loop_messages -%}",
        "{%- if message['role'] == 'user' -%}",
        emit(lit(user_prefix), user_open, "message['content']", user_close, lit(user_suffix)),
        "{%- elif message['role'] == 'assistant' -%}",
        emit(lit(assistant_prefix)),
        "{%- generation -%}",
        emit(reply_open, "message['content']", reply_close),
        "{%- endgeneration -%}",
        emit(lit(assistant_suffix)),
        "{%- else -%}",
        "{{- raise_exception('Unsupported role ' + message['role'] + "
        "': expected system (first only), user or assistant.') -}}",
        "{%- endif -%}",
        "{%- endfor -%}",
        "{%- if add_generation_prompt -%}",
        emit(generation_prompt),
        "{%- endif -%}",
    ]
    inference = "".join(p for p in pieces if p not in _GENERATION_TAGS)
    return inference, "".join(pieces)


@dataclass(frozen=True)
class ChatTemplate:
    """One registered prompt format.

    Attributes:
        name: registry key (lower case).
        variants: the Jinja sources ``(inference, training)``; see :attr:`jinja` and :attr:`training_jinja`.
        description: one line on where the format comes from.
        default_system: system text used when the conversation has no system message (``None``: none).
        needs_special_tokens: the tokenizer attributes the template reads (``bos_token``, ``eos_token``).
        aliases: other names that resolve to this template.
    """

    name: str
    variants: tuple[str, str]
    description: str
    default_system: str | None = None
    needs_special_tokens: tuple[str, ...] = ("bos_token", "eos_token")
    aliases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def jinja(self) -> str:
        """The inference template: plain Jinja every engine parses; what tokenizers and model repos carry."""
        return self.variants[0]

    @property
    def training_jinja(self) -> str:
        """The training template: the same text, with the trained spans inside ``{% generation %}``."""
        return self.variants[1]


_LLMZOO = _build(
    default_system=PHOENIX_SYSTEM_PROMPT,
    system_suffix="\n\n",
    user_prefix="Human: ",
    user_open="bos_token",
    user_close="eos_token",
    assistant_prefix="Assistant: ",
    reply_open="bos_token",
    reply_close="eos_token",
    generation_prompt="'Assistant: ' + bos_token",
)

_TEMPLATES: tuple[ChatTemplate, ...] = (
    ChatTemplate(
        name="phoenix",
        variants=_LLMZOO,
        description="LLM Zoo Phoenix (BLOOMZ base): `Human: <s>..</s>Assistant: <s>..</s>` after the system text.",
        default_system=PHOENIX_SYSTEM_PROMPT,
        aliases=("llmzoo", "phoenix-inst-chat", "phoenix-chat"),
    ),
    ChatTemplate(
        name="chimera",
        variants=_LLMZOO,
        description="LLM Zoo Chimera (LLaMA base): the same format as Phoenix, with the LLaMA tokenizer's <s>/</s>.",
        default_system=PHOENIX_SYSTEM_PROMPT,
        aliases=("chimera-inst-chat", "chimera-chat"),
    ),
    ChatTemplate(
        name="vicuna_v1.1",
        variants=_build(
            default_system=VICUNA_SYSTEM_PROMPT,
            system_suffix=" ",
            user_prefix="USER: ",
            user_suffix=" ",
            assistant_prefix="ASSISTANT: ",
            reply_open="",
            reply_close="eos_token",
            generation_prompt="'ASSISTANT:'",
        ),
        description="Vicuna v1.1 (FastChat): `SYSTEM USER: .. ASSISTANT: ..</s>USER: .. ASSISTANT:`.",
        default_system=VICUNA_SYSTEM_PROMPT,
        needs_special_tokens=("eos_token",),
        aliases=("vicuna",),
    ),
    ChatTemplate(
        name="alpaca",
        variants=_build(
            default_system=ALPACA_SYSTEM_PROMPT,
            system_suffix="\n\n",
            user_prefix="### Instruction:\n",
            user_suffix="\n\n",
            assistant_prefix="### Response:\n",
            reply_open="",
            reply_close="eos_token",
            assistant_suffix="\n\n",
            generation_prompt="'### Response:\\n'",
        ),
        description="Stanford Alpaca: `### Instruction:` / `### Response:` blocks after its task preamble.",
        default_system=ALPACA_SYSTEM_PROMPT,
        needs_special_tokens=("eos_token",),
    ),
    ChatTemplate(
        name="baize",
        variants=_build(
            default_system=BAIZE_SYSTEM_PROMPT,
            system_suffix="\n",
            user_prefix="[|Human|]",
            user_suffix="\n",
            assistant_prefix="[|AI|]",
            reply_open="",
            reply_close="eos_token",
            assistant_suffix="\n",
            generation_prompt="'[|AI|]'",
        ),
        description="Baize: `[|Human|]..` / `[|AI|]..` lines after its preamble.",
        default_system=BAIZE_SYSTEM_PROMPT,
        needs_special_tokens=("eos_token",),
    ),
    ChatTemplate(
        name="belle",
        variants=_build(
            default_system=None,
            system_suffix="\n\n",
            user_prefix="Human: ",
            user_suffix="\n\n",
            assistant_prefix="Assistant: ",
            reply_open="",
            reply_close="eos_token",
            assistant_suffix="\n\n",
            generation_prompt="'Assistant: '",
        ),
        description="BELLE: `Human: ..\\n\\nAssistant: ..`, no system text.",
        needs_special_tokens=("eos_token",),
    ),
    ChatTemplate(
        name="chatml",
        variants=_build(
            default_system=None,
            system_prefix="<|im_start|>system\n",
            system_suffix="<|im_end|>\n",
            user_prefix="<|im_start|>user\n",
            user_suffix="<|im_end|>\n",
            assistant_prefix="<|im_start|>assistant\n",
            reply_open="",
            reply_close="'<|im_end|>'",
            assistant_suffix="\n",
            generation_prompt="'<|im_start|>assistant\\n'",
        ),
        description="ChatML (SmolLM2, Qwen, OpenAI-style): `<|im_start|>role\\n..<|im_end|>`.",
        needs_special_tokens=(),
    ),
    ChatTemplate(
        name="koala",
        # Koala (EasyLM) as served by FastChat's `koala_v1`: the same shape as Vicuna v1.1 with USER / GPT roles.
        variants=_build(
            default_system=KOALA_SYSTEM_PROMPT,
            system_suffix=" ",
            user_prefix="USER: ",
            user_suffix=" ",
            assistant_prefix="GPT: ",
            reply_open="",
            reply_close="eos_token",
            generation_prompt="'GPT:'",
        ),
        description="Koala: `BEGINNING OF CONVERSATION: USER: .. GPT: ..</s>USER: .. GPT:`.",
        default_system=KOALA_SYSTEM_PROMPT,
        needs_special_tokens=("eos_token",),
        aliases=("koala_v1",),
    ),
    ChatTemplate(
        name="dolly",
        # dolly-v1-6b's training text is `{intro}\n\n### Instruction:\n{i}\n\n### Response:\n{r}\n\n### End`; it
        # is single-turn, so later turns simply follow after a blank line.
        variants=_build(
            default_system=DOLLY_SYSTEM_PROMPT,
            system_suffix="\n\n",
            user_prefix="### Instruction:\n",
            user_suffix="\n\n",
            assistant_prefix="### Response:\n",
            reply_open="",
            reply_close=_jinja_str("\n\n### End"),
            assistant_suffix="\n\n",
            generation_prompt="'### Response:\\n'",
        ),
        description="Dolly v1: Alpaca's preamble, `### Instruction:` / `### Response:` blocks, replies end in `### End`.",
        default_system=DOLLY_SYSTEM_PROMPT,
        needs_special_tokens=(),
        aliases=("dolly_v1",),
    ),
)


def _registry() -> dict[str, ChatTemplate]:
    """Return every template keyed by its name and by each alias."""
    table: dict[str, ChatTemplate] = {}
    for template in _TEMPLATES:
        table[template.name] = template
        for alias in template.aliases:
            table[alias] = template
    return table


def list_templates() -> list[str]:
    """Return the registered template names (aliases excluded), sorted."""
    return sorted(t.name for t in _TEMPLATES)


def get_template(name: str) -> ChatTemplate:
    """Return the registered :class:`ChatTemplate` called ``name`` (or one of its aliases).

    Raises:
        TemplateNotFoundError: ``name`` is not registered; the message lists the known names.
    """
    key = name.strip().lower()
    table = _registry()
    if key not in table:
        raise TemplateNotFoundError(
            f"Unknown chat template {name!r}. Known templates: {', '.join(list_templates())} "
            f"(aliases: {', '.join(sorted(set(table) - set(list_templates())))})."
        )
    return table[key]


def get_chat_template(name: str, *, training: bool = False) -> str:
    """Return the Jinja source of the chat template called ``name`` (e.g. ``"phoenix"``, ``"chimera"``).

    Args:
        name: a registered name or alias.
        training: return the training variant (with ``{% generation %}`` spans) instead of the inference one.

    Raises:
        TemplateNotFoundError: ``name`` is not registered.
    """
    template = get_template(name)
    return template.training_jinja if training else template.jinja


def apply_chat_template(tokenizer: PreTrainedTokenizerBase, name: str) -> PreTrainedTokenizerBase:
    """Set the inference variant of the registered template ``name`` as ``tokenizer.chat_template``; return it.

    ``tokenizer.save_pretrained`` then writes it where transformers, TGI, vLLM and llama.cpp read it. The template
    renders the tokenizer's own BOS/EOS strings, so generation stops on a real special token. Training finds the
    matching ``{% generation %}`` variant with :func:`get_training_chat_template`.

    Raises:
        TemplateNotFoundError: ``name`` is not registered.
        TemplateError: the tokenizer lacks a special token the template needs.
    """
    template = get_template(name)
    for attribute in template.needs_special_tokens:
        if not getattr(tokenizer, attribute, None):
            raise TemplateError(
                f"The {template.name!r} template needs `tokenizer.{attribute}`, but {type(tokenizer).__name__} "
                f"({getattr(tokenizer, 'name_or_path', '?')}) has none. Set it first, e.g. "
                f"`tokenizer.{attribute} = '<s>'` for a token that exists in its vocabulary."
            )
    tokenizer.chat_template = template.jinja
    return tokenizer


def is_single_token(tokenizer: PreTrainedTokenizerBase, token: str) -> bool:
    """Return True when ``token`` is one token of ``tokenizer``'s vocabulary (the UNK token itself included)."""
    token_id = tokenizer.convert_tokens_to_ids(token)
    return token_id is not None and (token_id != tokenizer.unk_token_id or token == tokenizer.unk_token)


def get_training_chat_template(chat_template: str | None) -> str:
    """Return the ``{% generation %}`` variant of ``chat_template`` (a tokenizer's template), as TRL's lookup does.

    A registered inference template maps to its training variant; a template that already marks its generation
    spans is returned as it is.

    Raises:
        TemplateError: the template is neither registered nor marked, so no loss mask can be read from it.
    """
    if chat_template and _GENERATION_MARKER.search(chat_template):
        return chat_template
    for template in _TEMPLATES:
        if chat_template == template.jinja:
            return template.training_jinja
    raise TemplateError(
        "The tokenizer's chat template is not a registered one and has no {% generation %} spans, so the trained "
        "tokens cannot be marked; set one with llmzoo_hf.apply_chat_template(tokenizer, 'chimera')."
    )


def get_inference_chat_template(chat_template: str | None) -> str | None:
    """Return ``chat_template`` without ``{% generation %}`` tags, the variant every engine parses.

    A registered training template maps to its inference variant; any other template has its tags removed (they
    render nothing, so the text is unchanged). MiniJinja (TGI, vLLM's Rust frontend) and llama.cpp reject the tags.
    """
    if chat_template is None:
        return None
    for template in _TEMPLATES:
        if chat_template == template.training_jinja:
            return template.jinja
    return _ANY_GENERATION_TAG.sub("", chat_template)


@contextmanager
def training_chat_template(tokenizer: PreTrainedTokenizerBase) -> Iterator[str]:
    """Put the training variant of the tokenizer's template in place for the ``with`` block; yield its source.

    TRL's ``SFTTrainer`` tokenises its dataset when it is built, with ``{% generation %}`` spans read from the
    tokenizer's template; afterwards the inference template is back, so checkpoints and the saved model carry it.
    """
    inference = tokenizer.chat_template
    training = get_training_chat_template(inference)
    tokenizer.chat_template = training
    try:
        yield training
    finally:
        tokenizer.chat_template = inference


def render(
    name_or_jinja: str,
    messages: list[dict[str, Any]],
    *,
    bos_token: str = "<s>",
    eos_token: str = "</s>",
    add_generation_prompt: bool = False,
) -> str:
    """Render ``messages`` with a registered template name or a Jinja source, without a tokenizer."""
    from transformers.utils.chat_template_utils import render_jinja_template

    source = name_or_jinja if "{%" in name_or_jinja or "{{" in name_or_jinja else get_chat_template(name_or_jinja)
    rendered, _ = render_jinja_template(
        conversations=[messages],
        chat_template=source,
        add_generation_prompt=add_generation_prompt,
        bos_token=bos_token,
        eos_token=eos_token,
    )
    return rendered[0]
