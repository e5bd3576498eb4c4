"""LLM Zoo ranking metric for 🤗 evaluate: winning / order / score of each model against the first (reference).

Load it offline from the installed package::

    import evaluate
    from llmzoo_hf.eval.metric_module import metric_path

    metric = evaluate.load(metric_path())
    metric.compute(orders=[[1, 2], [2, 1]], categories=["generic", "coding"], model_ids=["chatgpt", "phoenix"])
"""

import datasets
import evaluate

_DESCRIPTION = """LLM Zoo's judge metric. Each example is one question's review: `orders` holds one 1-based rank per
model (ties share a rank; -1 = unparsable) and `categories` the question's category. Coding and math questions are
left out, a rank r scores 10/r, Q is the number of questions left, and a review with any -1 adds nothing.
With `reference=True` (default) the first model is the reference and each other model gets
{"winning": {REF, "tie", "model", "%model"}, "order": {REF, "model"}, "score": {REF, "model", "%model"}};
with `reference=False` each model gets {"order": mean rank, "score": mean 10/rank}."""

_KWARGS_DESCRIPTION = """
Args:
    orders: list of rank lists, one per question (same model order in each).
    categories: list of question categories (coding and math are left out).
    model_ids: the model names, in the order of the ranks; the first is the reference.
    reference: compare with the first model (True) or list all side by side (False).
    reference_label: key of the reference in the table (default: its model id).
Returns:
    The LLM Zoo metric table (a dict keyed by model id).
"""

_CITATION = """@misc{llmzoo-2023,
  title={LLM Zoo: democratizing ChatGPT},
  author={Zhihong Chen and others},
  year={2023},
  howpublished={\\url{https://github.com/FreedomIntelligence/LLMZoo}}
}"""


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS_DESCRIPTION)
class LlmzooRanking(evaluate.Metric):
    """LLM Zoo's winning / order / score table."""

    def _info(self):
        return evaluate.MetricInfo(
            description=_DESCRIPTION,
            citation=_CITATION,
            inputs_description=_KWARGS_DESCRIPTION,
            features=datasets.Features(
                {"orders": datasets.Sequence(datasets.Value("int32")), "categories": datasets.Value("string")}
            ),
            reference_urls=["https://github.com/FreedomIntelligence/LLMZoo"],
        )

    def _compute(self, orders, categories, model_ids=None, reference=True, reference_label=None):
        from llmzoo_hf.eval.metrics import compute_metrics
        from llmzoo_hf.eval.questions import Question

        if not orders:
            raise ValueError("No reviews given.")
        model_ids = list(model_ids or [f"model_{i}" for i in range(len(orders[0]))])
        questions = [Question(i + 1, "-", category) for i, category in enumerate(categories)]
        reviews = [
            {"question_id": i + 1, "category": category, "metadata": {"model_ids": model_ids}, "order": list(order)}
            for i, (order, category) in enumerate(zip(orders, categories, strict=True))
        ]
        result = compute_metrics(
            questions, reviews, reference=reference, reference_label=reference_label, mode="order"
        )
        return result.table
