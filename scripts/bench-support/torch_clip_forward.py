#!/usr/bin/env python3
"""PyTorch peer of `vlm-bench clip-vit-b16-forward`: transformers' CLIPVisionModel, eager attention,
output_attentions=True, one 224×224 image; the same JSON line (median of RUNS after 3 warm-ups).
Usage: torch_clip_forward.py DIR THREADS [RUNS]"""
import json, sys, time
import torch
from transformers import CLIPVisionModel
from transformers.utils import logging

logging.disable_progress_bar()
directory, threads = sys.argv[1], int(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
torch.set_num_threads(threads)
model = CLIPVisionModel.from_pretrained(directory, attn_implementation="eager").eval()
pixels = torch.randn(1, 3, 224, 224)
with torch.inference_mode():
    for _ in range(3):
        model(pixels, output_attentions=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        model(pixels, output_attentions=True)
        times.append((time.perf_counter() - start) * 1e3)
times.sort()
print(json.dumps({"name": "clip-vit-b16-forward", "median_ms": round(times[len(times) // 2], 3),
                  "min_ms": round(times[0], 3), "runs": runs, "threads": str(threads),
                  "peer": "torch " + torch.__version__}), flush=True)
