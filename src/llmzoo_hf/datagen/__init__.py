"""Instruction data generation against any OpenAI-compatible chat endpoint, fast and resumable.

Three pipelines, as LLM Zoo built its data (each writes JSONL in the Alpaca / user-centered layouts with ``lang``,
so the result loads straight into :func:`llmzoo_hf.data.build_dataset`):

- :func:`self_instruct`: seed tasks -> new ``(role, instruction, input)`` samples -> de-duplicated and filtered ->
  outputs generated.
- :func:`user_centered`: ``(role, instruction?, input?)`` rows -> (an instruction that user would ask, when
  missing) -> outputs generated.
- :func:`post_translate`: ``(instruction, input)`` in language A -> translated into B (drawn from a language
  distribution with a seeded RNG) -> output generated in B; records keep ``source_lang`` and ``lang``.

Every request goes through :class:`llmzoo_hf.client.AsyncChatClient` (the ``openai`` SDK's retries, a concurrency
cap, RPM/TPM limits) and every result through :class:`~llmzoo_hf.datagen._store.ResultStore` (one record per stable
key, appended and flushed; a re-run skips done keys and retries failed ones).

Modules: ``tasks`` (task files, language distribution), ``prompts`` (the messages sent), ``filters`` (parsing
replies, rejecting and de-duplicating tasks), ``pipelines`` (the three pipelines and their engine), ``_store``.
"""

from ..client import EndpointConfig
from .filters import Deduplicator, normalize_text, parse_samples, reject_reason
from .pipelines import DATAGEN_REQUEST_DEFAULTS, DatagenSummary, post_translate, self_instruct, user_centered
from .tasks import DEFAULT_LANGUAGES_PATH, language_name, load_language_distribution, read_task_file, sample_languages

__all__ = [
    "DATAGEN_REQUEST_DEFAULTS",
    "DEFAULT_LANGUAGES_PATH",
    "DatagenSummary",
    "Deduplicator",
    "EndpointConfig",
    "language_name",
    "load_language_distribution",
    "normalize_text",
    "parse_samples",
    "post_translate",
    "read_task_file",
    "reject_reason",
    "sample_languages",
    "self_instruct",
    "user_centered",
]
