#!/usr/bin/env python3
"""The PyTorch peer of `vlm-bench dinov2-s14-forward-*`: transformers' Dinov2Model (ViT-S/14, float32, CPU),
the same JSON lines. Timing does not depend on the weights' values, so the model is randomly initialised.
Two rows per size: eager attention returning every layer's attention (the same work as vlm-bench) and
torch's fastest path, SDPA without attentions."""
import json, os, sys, time
import torch, transformers

def timed(name, work, runs, flops, peer):
    with torch.inference_mode():
        for _ in range(3):
            work()
        times = []
        for _ in range(runs):
            t = time.perf_counter(); work(); times.append((time.perf_counter() - t) * 1e3)
    times.sort()
    median = times[len(times) // 2]
    print(json.dumps({"name": name, "median_ms": round(median, 3), "min_ms": round(times[0], 3), "runs": runs,
                      "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"), "peer": peer,
                      "gflops": round(flops / median / 1e6, 3)}), flush=True)

def flops(size, C=384, M=1536, L=12, P=14):
    n = (size // P) ** 2; t = n + 1
    return L * (8 * t * C * C + 4 * t * C * M + 4 * t * t * C) + 2 * n * 3 * P * P * C

def main(runs=10, sizes=(224, 448)):
    torch.set_num_threads(int(os.environ.get("OPENBLAS_NUM_THREADS", torch.get_num_threads())))
    torch.manual_seed(0)
    for attention in ("eager", "sdpa"):
        config = transformers.Dinov2Config(hidden_size=384, num_hidden_layers=12, num_attention_heads=6,
                                           mlp_ratio=4, patch_size=14, image_size=518, layer_norm_eps=1e-6,
                                           attn_implementation=attention)
        model = transformers.Dinov2Model(config).eval()
        peer = f"torch {torch.__version__} transformers {transformers.__version__} {attention}"
        for size in sizes:
            pixels = torch.randn(1, 3, size, size)
            keep = attention == "eager"
            timed(f"dinov2-s14-forward-{size}" + ("" if keep else "-sdpa-no-attentions"),
                  lambda: model(pixels, output_attentions=keep), runs, flops(size), peer)

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
