"""Delta weights: make -> apply round trips, grown vocabulary, wrong-base refusal, pre-merge checks, atomicity."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from conftest import REPO_ROOT, run_cli
from llmzoo_hf._delta_stamp import DELTA_CONFIG_KEY
from llmzoo_hf._safetensors_io import CheckpointReader
from llmzoo_hf.delta import BASE_CHECKSUM_FILE, apply_delta, make_delta
from llmzoo_hf.errors import DeltaError, DeltaFolderError


def _perturbed_copy(source: Path, output: Path, *, dtype=torch.float32, seed: int = 0, **save_kwargs) -> Path:
    """Save ``source`` (as ``dtype``) plus small noise, like a fine-tune of it, with the source's tokenizer."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(source, dtype=dtype)
    if seed is not None:
        generator = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for param in model.parameters():
                param.add_((torch.randn(param.shape, generator=generator) * 1e-3).to(dtype))
    model.save_pretrained(output, **save_kwargs)
    AutoTokenizer.from_pretrained(source).save_pretrained(output)
    return output


def _assert_same_weights(a: Path, b: Path) -> None:
    ra, rb = CheckpointReader(a), CheckpointReader(b)
    assert sorted(ra.names()) == sorted(rb.names())
    for name in rb.names():
        x, y = ra.read(name), rb.read(name)
        assert x.dtype == y.dtype, name
        assert torch.equal(x, y), f"{name} differs"


@pytest.fixture(scope="module")
def sharded_pair(tmp_path_factory, embedded_model_path):
    """The embedded model in 100MB shards (base) and a perturbed copy of it (target), both fp32."""
    root = tmp_path_factory.mktemp("delta-embedded")
    base = _perturbed_copy(embedded_model_path, root / "base", seed=None, max_shard_size="100MB")
    target = _perturbed_copy(embedded_model_path, root / "target", seed=1, max_shard_size="100MB")
    return base, target


@pytest.fixture(scope="module")
def embedded_delta(sharded_pair, tmp_path_factory):
    base, target = sharded_pair
    out = tmp_path_factory.mktemp("delta-out") / "delta"
    result = make_delta(
        base, target, output_dir=out, max_shard_size="100MB", base_model_id="HuggingFaceTB/SmolLM2-135M"
    )
    return result


@pytest.mark.slow
def test_round_trip_is_bit_exact_in_fp32(sharded_pair, embedded_delta, tmp_path):
    base, target = sharded_pair
    delta = embedded_delta.output_dir
    # 272 stored tensors: the embedding (49152 x 576 fp32 = 113 MB) alone, the rest packed into 100 MB shards.
    assert embedded_delta.num_tensors == 272
    assert len(embedded_delta.shard_files) == 6
    assert embedded_delta.inexact_elements == 0
    index = json.loads((delta / "model.safetensors.index.json").read_text())
    assert len(set(index["weight_map"].values())) == 6 and len(index["weight_map"]) == 272
    merged = apply_delta(base, delta, output_dir=tmp_path / "merged").output_dir
    _assert_same_weights(merged, target)
    assert json.loads((merged / "config.json").read_text()).get(DELTA_CONFIG_KEY) is None
    assert (merged / "chat_template.jinja").read_text() == (target / "chat_template.jinja").read_text()
    assert not (merged / BASE_CHECKSUM_FILE).exists() and not (merged / "README.md").exists()


@pytest.mark.slow
def test_delta_folder_is_stamped_and_complete(sharded_pair, embedded_delta):
    from huggingface_hub import ModelCard

    base, target = sharded_pair
    delta = embedded_delta.output_dir
    stamp = json.loads((delta / "config.json").read_text())[DELTA_CONFIG_KEY]
    assert stamp["format_version"] == 1
    assert stamp["base_model"] == "HuggingFaceTB/SmolLM2-135M"
    assert stamp["target_model"] == str(target)
    assert stamp["base_checksum"] == embedded_delta.base_checksum and stamp["base_checksum"].startswith("sha256:")
    assert (stamp["base_vocab_size"], stamp["target_vocab_size"]) == (49152, 49152)
    records = json.loads((delta / BASE_CHECKSUM_FILE).read_text())["tensors"]
    assert len(records) == 272 and records["model.norm.weight"]["shape"] == [576]
    for name in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "generation_config.json"):
        assert (delta / name).read_bytes() == (target / name).read_bytes(), name
    # The stored values are the plain difference, so other tools can add them too.
    d, b, t = (CheckpointReader(p) for p in (delta, base, target))
    name = "model.layers.0.mlp.up_proj.weight"
    assert torch.equal(d.read(name), t.read(name) - b.read(name))
    card = ModelCard.load(delta / "README.md")
    assert card.data.base_model == "HuggingFaceTB/SmolLM2-135M"
    assert "delta-weights" in card.data.tags
    assert "llmzoo delta apply --base HuggingFaceTB/SmolLM2-135M --delta" in card.text
    with pytest.raises(DeltaFolderError, match="llmzoo delta apply --base HuggingFaceTB/SmolLM2-135M"):
        from llmzoo_hf import load_chat

        load_chat(delta)


@pytest.mark.slow
def test_round_trip_bf16_within_rounding(sharded_pair, tmp_path):
    base32, target32 = sharded_pair
    base = _perturbed_copy(base32, tmp_path / "base16", dtype=torch.bfloat16, seed=None, max_shard_size="60MB")
    target = _perturbed_copy(target32, tmp_path / "target16", dtype=torch.bfloat16, seed=None, max_shard_size="60MB")
    result = make_delta(base, target, output_dir=tmp_path / "delta")
    assert json.loads((result.output_dir / "config.json").read_text())[DELTA_CONFIG_KEY]["delta_dtype"] == "bfloat16"
    merged = apply_delta(base, result.output_dir, output_dir=tmp_path / "merged").output_dir
    m, b, t = (CheckpointReader(p) for p in (merged, base, target))
    exact = total = 0
    for name in t.names():
        got, want, base_w = m.read(name).float(), t.read(name).float(), b.read(name).float()
        assert m.tensors[name].dtype == "bfloat16"
        # bf16 keeps 8 mantissa bits: the stored delta is off by at most half an ulp of |t - b| (2^-9 relative), and
        # the sum by half an ulp of |t|; the error bound is the sum of both.
        bound = ((want - base_w).abs() + want.abs()) * 2.0**-8
        assert bool(((got - want).abs() <= bound).all()), name
        exact += int((got == want).sum())
        total += want.numel()
    # the ulp nudge fixes most values; the few it cannot are stored whole, so every weight comes back bit-exact
    assert result.inexact_elements == 0 and exact == total
    assert 0 < result.exact_fixes < total * 0.005  # measured: 0.16 % of the 134.5 M weights


def _grown(tiny_llama_path: Path, out: Path) -> Path:
    """The tiny LLaMA with an added <pad> token: 49152 -> 49153 embedding and head rows, and small noise."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_llama_path)
    tokenizer.add_special_tokens({"pad_token": "<pad>"})
    model = AutoModelForCausalLM.from_pretrained(tiny_llama_path, dtype=torch.float32)
    model.resize_token_embeddings(len(tokenizer), mean_resizing=False)
    generator = torch.Generator().manual_seed(3)
    with torch.no_grad():
        for param in model.parameters():
            param.add_(torch.randn(param.shape, generator=generator) * 1e-2)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def test_grown_vocabulary_round_trips(tiny_llama_path, tmp_path):
    target = _grown(tiny_llama_path, tmp_path / "target")
    result = make_delta(tiny_llama_path, target, output_dir=tmp_path / "delta")
    assert result.grown_tensors == {"model.embed_tokens.weight": (49152, 49153), "lm_head.weight": (49152, 49153)}
    d, t = CheckpointReader(result.output_dir), CheckpointReader(target)
    # The new row is stored whole: a zero-padded base plus the delta gives it back.
    assert torch.equal(d.read("model.embed_tokens.weight")[49152], t.read("model.embed_tokens.weight")[49152])
    merged = apply_delta(tiny_llama_path, result.output_dir, output_dir=tmp_path / "merged").output_dir
    _assert_same_weights(merged, target)
    from transformers import AutoTokenizer

    assert len(AutoTokenizer.from_pretrained(merged)) == 49153
    assert json.loads((merged / "config.json").read_text())["vocab_size"] == 49153


def _edit_tensor(source: Path, out: Path, name: str) -> Path:
    """Copy a model folder, adding 1e-3 to one tensor (a different base of the same shape)."""
    from safetensors.torch import load_file, save_file

    shutil.copytree(source, out)
    tensors = load_file(out / "model.safetensors")
    tensors[name] = tensors[name] + 1e-3
    save_file(tensors, out / "model.safetensors", metadata={"format": "pt"})
    return out


@pytest.fixture(scope="module")
def tiny_delta(tiny_llama_path, tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny-delta")
    target = _perturbed_copy(tiny_llama_path, root / "target", seed=5)
    return target, make_delta(tiny_llama_path, target, output_dir=root / "delta").output_dir


def test_wrong_base_is_refused_naming_the_tensor(tiny_llama_path, tiny_delta, tmp_path):
    target, delta = tiny_delta
    wrong = _edit_tensor(tiny_llama_path, tmp_path / "wrong", "model.layers.1.self_attn.q_proj.weight")
    with pytest.raises(DeltaError, match=r"tensor model\.layers\.1\.self_attn\.q_proj\.weight has other values"):
        apply_delta(wrong, delta, output_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["wrong"]  # no temporary folder left behind either
    merged = apply_delta(wrong, delta, output_dir=tmp_path / "out", force=True).output_dir
    got = CheckpointReader(merged).read("model.layers.1.self_attn.q_proj.weight")
    want = CheckpointReader(target).read("model.layers.1.self_attn.q_proj.weight")
    torch.testing.assert_close(got, want + 1e-3)


def test_pre_merge_checks_name_what_differs(tiny_llama_path, tiny_delta, tiny_bloom_path, tmp_path):
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    _, delta = tiny_delta
    with pytest.raises(DeltaError, match=r"Architecture differs: the base .* is bloom \(BloomForCausalLM\)"):
        apply_delta(tiny_bloom_path, delta, output_dir=tmp_path / "a")

    tokenizer = AutoTokenizer.from_pretrained(tiny_llama_path)
    config = LlamaConfig.from_pretrained(tiny_llama_path)

    def variant(name: str, **changes) -> Path:
        model = LlamaForCausalLM(LlamaConfig(**{**config.to_dict(), **changes}))
        model.save_pretrained(tmp_path / name)
        tokenizer.save_pretrained(tmp_path / name)
        return tmp_path / name

    with pytest.raises(
        DeltaError, match=r"Vocabulary size differs: .* vocab_size=49153, the delta was made from a base with 49152"
    ):
        apply_delta(variant("vocab", vocab_size=49153), delta, output_dir=tmp_path / "b")
    with pytest.raises(DeltaError, match=r"Parameter names differ: .* has model\.layers\.2\."):
        apply_delta(variant("layers", num_hidden_layers=3), delta, output_dir=tmp_path / "c")
    with pytest.raises(
        DeltaError, match=r"Shapes differ for model\.layers\.0\.mlp\.down_proj\.weight: .* has \[16, 48\]"
    ):
        apply_delta(variant("shape", intermediate_size=48), delta, output_dir=tmp_path / "d")
    for name in "abcd":
        assert not (tmp_path / name).exists()


def test_failure_mid_apply_leaves_nothing(tiny_llama_path, tiny_delta, tmp_path, monkeypatch):
    from llmzoo_hf import _safetensors_io

    _, delta = tiny_delta
    calls = {"n": 0}
    original = _safetensors_io.ShardWriter.write

    def failing_write(self, name, block):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disk full (injected)")
        return original(self, name, block)

    monkeypatch.setattr(_safetensors_io.ShardWriter, "write", failing_write)
    with pytest.raises(OSError, match="injected"):
        apply_delta(tiny_llama_path, delta, output_dir=tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_apply_dtype_option(tiny_llama_path, tiny_delta, tmp_path):
    target, delta = tiny_delta
    merged = apply_delta(tiny_llama_path, delta, output_dir=tmp_path / "m", dtype="bfloat16").output_dir
    reader = CheckpointReader(merged)
    assert {info.dtype for info in reader.tensors.values()} == {"bfloat16"}
    assert json.loads((merged / "config.json").read_text())["dtype"] == "bfloat16"
    name = "model.layers.0.mlp.up_proj.weight"
    assert torch.equal(reader.read(name), CheckpointReader(target).read(name).to(torch.bfloat16))


@pytest.mark.slow
def test_cli_make_apply_and_wrong_base(tiny_llama_path, tmp_path):
    target = _perturbed_copy(tiny_llama_path, tmp_path / "target", seed=7)
    made = run_cli(
        "delta", "make", "--base", str(tiny_llama_path), "--target", str(target), "--out", str(tmp_path / "d")
    )
    assert made.returncode == 0, made.stderr
    assert "Base checksum: sha256:" in made.stdout
    applied = run_cli(
        "delta", "apply", "--base", str(tiny_llama_path), "--delta", str(tmp_path / "d"), "--out", str(tmp_path / "m")
    )
    assert applied.returncode == 0, applied.stderr
    _assert_same_weights(tmp_path / "m", target)
    wrong = _edit_tensor(tiny_llama_path, tmp_path / "wrong", "model.norm.weight")
    refused = run_cli(
        "delta", "apply", "--base", str(wrong), "--delta", str(tmp_path / "d"), "--out", str(tmp_path / "x")
    )
    assert refused.returncode == 1
    assert "tensor model.norm.weight has other values" in refused.stderr and "--force" in refused.stderr
    assert not (tmp_path / "x").exists()
    chat = run_cli("chat", "--model", str(tmp_path / "d"), input="hi\n")
    assert chat.returncode == 1 and "llmzoo delta apply --base" in chat.stderr


@pytest.mark.slow
def test_killed_apply_leaves_no_output_folder(sharded_pair, embedded_delta, tmp_path):
    base, _ = sharded_pair
    out = tmp_path / "merged"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    argv = [sys.executable, "-m", "llmzoo_hf.cli", "delta", "apply", "--base", str(base), "--delta"]
    argv += [str(embedded_delta.output_dir), "--out", str(out), "--max-shard-size", "100MB"]
    process = subprocess.Popen(argv, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:  # kill it once it has written part of a shard
            partial = [p for p in tmp_path.glob(".merged.tmp-*/*.safetensors") if p.stat().st_size > 1 << 20]
            if partial or process.poll() is not None:
                break
            time.sleep(0.05)
        assert process.poll() is None, "apply finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()][0].startswith(".merged.tmp-")  # only the hidden scratch folder


def _fine_tuned(source: Path, out: Path, *, seed: int = 11) -> Path:
    """Save ``source`` as a fine-tune moves weights: each scaled by 1 + 5 % noise, plus noise of 2e-3, in fp32.

    Unlike a small additive perturbation, this one leaves thousands of values where ``(t - b) + b != t`` in fp32
    whatever the stored delta (measured: ~1 % of the weights), the case a real fine-tune hits.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(source, dtype=torch.float32)
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for param in model.parameters():
            scale = 1 + 0.05 * torch.randn(param.shape, generator=generator)
            param.mul_(scale).add_(torch.randn(param.shape, generator=generator) * 2e-3)
    model.save_pretrained(out)
    AutoTokenizer.from_pretrained(source).save_pretrained(out)
    for name, text in (("rejects.jsonl", '{"row": "a user\'s rejected row"}\n'), ("trainer_state.json", "{}")):
        (out / name).write_text(text)  # training leftovers that must not travel with the delta
    return out


def test_fp32_round_trip_is_bit_exact_for_a_fine_tune(tiny_llama_path, tmp_path):
    from llmzoo_hf.delta import EXACT_FILE

    target = _fine_tuned(tiny_llama_path, tmp_path / "target")
    result = make_delta(tiny_llama_path, target, output_dir=tmp_path / "delta")
    d, b, t = (CheckpointReader(p) for p in (result.output_dir, tiny_llama_path, target))
    # count the values the plain sum cannot give back: exactly those are stored whole
    misses = sum(int(((b.read(n) + d.read(n)) != t.read(n)).sum()) for n in t.names())
    assert misses > 1000 and result.exact_fixes == misses and result.inexact_elements == 0
    assert (result.output_dir / EXACT_FILE).is_file()
    assert (
        not (result.output_dir / "rejects.jsonl").exists() and not (result.output_dir / "trainer_state.json").exists()
    )
    merged = apply_delta(tiny_llama_path, result.output_dir, output_dir=tmp_path / "merged").output_dir
    _assert_same_weights(merged, target)
    assert not (merged / EXACT_FILE).exists()
    # a tool that only adds the stored delta (FastChat style) is off there by the roundings of the difference and
    # of the sum: at most 2^-24 of |t - b| plus 2^-24 of |t|, bounded here with one more bit of slack
    name = "model.embed_tokens.weight"
    plain, want, base = b.read(name) + d.read(name), t.read(name), b.read(name)
    assert bool(((plain - want).abs() <= ((want - base).abs() + want.abs()) * 2.0**-23).all())


def test_truncated_shard_is_named_and_nothing_is_written(tiny_llama_path, tiny_delta, tmp_path):
    _, delta = tiny_delta
    broken = tmp_path / "delta"
    shutil.copytree(delta, broken)
    shard = broken / "model.safetensors"
    shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])  # an interrupted download
    result = run_cli(
        "delta", "apply", "--base", str(tiny_llama_path), "--delta", str(broken), "--out", str(tmp_path / "m")
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"llmzoo delta: error: {shard} is not a complete safetensors file (Error while deserializing header: "
        "incomplete metadata, file not fully covered); it is probably truncated (an interrupted download or copy). "
        "Download or copy it again."
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["delta"]


def test_full_disk_mid_write_is_named_and_leaves_nothing(tiny_llama_path, tmp_path, monkeypatch):
    import errno

    from llmzoo_hf import _safetensors_io

    target = _perturbed_copy(tiny_llama_path, tmp_path / "target", seed=3)
    original_init = _safetensors_io.ShardWriter.__init__

    class _FullDisk:
        """The shard file, on a disk that fills up after 1 MB (the error the OS gives at the write call)."""

        def __init__(self, handle):
            self.handle, self.written = handle, 0

        def write(self, data):
            self.written += memoryview(data).nbytes
            if self.written > 1 << 20:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(data)

        def close(self):
            self.handle.close()

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._file = _FullDisk(self._file)

    monkeypatch.setattr(_safetensors_io.ShardWriter, "__init__", init)
    out = tmp_path / "out" / "delta"
    with pytest.raises(DeltaError) as caught:
        make_delta(tiny_llama_path, target, output_dir=out)
    assert str(caught.value).startswith(
        f"Could not write {out / 'model.safetensors'}: No space left on device. Nothing was left behind. Free some "
        f"space on the disk of {tmp_path} (the output needs about "
    )
    assert str(caught.value).endswith("or choose another output folder (--out).")
    assert list((tmp_path / "out").iterdir()) == []


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    return result.returncode == 0


def test_full_disk_is_refused_before_writing(embedded_model_path, tmp_path):
    """On a real 1 MB disk (a tmpfs, when this runs as root) `delta make` stops before writing anything."""
    disk = tmp_path / "disk"
    if os.geteuid() != 0 or not _mount_tmpfs(disk, "1m"):
        pytest.skip("mounting a small tmpfs needs root")
    try:
        target = str(embedded_model_path)  # `embedded` names the same model: a delta of zeros, 538 MB of them
        result = run_cli("delta", "make", "--base", "embedded", "--target", target, "--out", str(disk / "d"))
        assert result.returncode == 1
        line = result.stderr.strip().splitlines()[-1]  # after the INFO line saying what it is about to do
        assert line.startswith(f"llmzoo delta: error: Not enough disk space for {disk / 'd'}: it needs about ")
        assert line.endswith(f"and {disk} has 1.0 MB free. Free some space or choose another output folder (--out).")
        assert list(disk.iterdir()) == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)
