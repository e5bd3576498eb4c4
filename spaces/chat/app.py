"""The llmzoo-hf chat Space: everything lives in the library (``llmzoo_hf.space``); this file only starts it.

Set ``LLMZOO_ENDPOINTS`` (``name=url,...``, TGI / vLLM / ``llmzoo serve``) in the Space settings; ``HF_TOKEN`` as a
secret if the endpoints need one. With no endpoint, the embedded model (or ``LLMZOO_MODEL``) runs in-process.
"""

from llmzoo_hf.space import CSS, SpaceConfig, build_demo

demo = build_demo(SpaceConfig.from_env())  # the queue and its limits come configured

if __name__ == "__main__":
    import os

    # a Space routes traffic to 0.0.0.0:7860; locally `llmzoo space` is the usual way in
    demo.launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "0.0.0.0"),
        server_port=int(os.environ.get("PORT", "7860")),
        css=CSS,
    )
