#!/usr/bin/env python3
"""PyTorch peer of `vlm-bench dinov2-s14-forward-SIZE`: transformers' Dinov2Model (ViT-S/14, float32, CPU) on
one randn(1, 3, SIZE, SIZE) image; the same JSON lines (median of RUNS after 3 warm-ups). Timing does not depend on
the weights' values, so the model is randomly initialised. Two lines: eager attention returning every layer's
attention (the work vlm-bench does) and torch's fastest path, SDPA without attentions.
Usage: torch_dinov2_forward.py SIZE THREADS [RUNS]"""
import json, sys, time
import torch, transformers

size, threads = int(sys.argv[1]), int(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
torch.set_num_threads(threads)
torch.manual_seed(0)
pixels = torch.randn(1, 3, size, size)
for attention in ("eager", "sdpa"):
    config = transformers.Dinov2Config(hidden_size=384, num_hidden_layers=12, num_attention_heads=6, mlp_ratio=4,
                                       patch_size=14, image_size=518, layer_norm_eps=1e-6,
                                       attn_implementation=attention)
    model = transformers.Dinov2Model(config).eval()
    keep = attention == "eager"
    with torch.inference_mode():
        for _ in range(3):
            model(pixels, output_attentions=keep)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            model(pixels, output_attentions=keep)
            times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    print(json.dumps({"name": f"dinov2-s14-forward-{size}", "median_ms": round(times[len(times) // 2], 3),
                      "min_ms": round(times[0], 3), "runs": runs, "threads": str(threads),
                      "peer": f"torch {torch.__version__} transformers {transformers.__version__} {attention}"
                              + ("" if keep else " (no attentions)")}), flush=True)
