#!/usr/bin/env python3
"""The numpy peer of vlm-bench: the same kernels and shapes, the same JSON lines."""
import json, os, sys, time
import numpy as np

def timed(name, work, runs, flops=None, nbytes=None):
    for _ in range(3):
        work()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); work(); times.append((time.perf_counter() - t) * 1e3)
    times.sort()
    median = times[len(times) // 2]
    row = {"name": name, "median_ms": round(median, 3), "min_ms": round(times[0], 3), "runs": runs,
           "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"), "peer": "numpy " + np.__version__}
    if flops: row["gflops"] = round(flops / median / 1e6, 3)
    if nbytes: row["gbps"] = round(nbytes / median / 1e6, 3)
    print(json.dumps(row), flush=True)

def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)

def main(runs=30):
    rng = np.random.default_rng(0)
    r = lambda *s: rng.standard_normal(s, dtype=np.float32)
    a, b = r(768, 768), r(768, 768)
    timed("sgemm-768", lambda: a @ b, runs, flops=2 * 768**3)
    x, w = r(197, 768), r(768, 2304)
    timed("sgemm-qkv", lambda: x @ w, runs, flops=2 * 197 * 768 * 2304)
    wt = np.ascontiguousarray(w.T)          # [2304, 768], a linear layer's weight
    timed("linear-qkv-packed", lambda: x @ wt.T, runs, flops=2 * 197 * 768 * 2304)
    q, k, v = r(12, 197, 64), r(12, 197, 64), r(12, 197, 64)
    timed("attention-12x197x64", lambda: softmax(q @ k.transpose(0, 2, 1) / 8.0) @ v, runs,
          flops=4 * 12 * 197 * 197 * 64)
    s = r(12, 197, 197)
    timed("softmax-12x197x197", lambda: softmax(s), runs, nbytes=8 * 12 * 197 * 197)

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
