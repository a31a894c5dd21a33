#!/usr/bin/env python3
"""The uniform null model in numpy, for the side-by-side timing in benchmarks/RESULTS.md (issue 18):
10,000 runs of H names each to one of N participants uniformly (numpy.random.multinomial), then per run
CR2, HHI (0-10,000) and Gini (mean-difference form over all N) on the sorted holdings. Prints the best of
REPEATS timings. Usage: python3 benchmarks/uniform_numpy.py [H] [N] [RUNS] [REPEATS]"""
import sys
import time

import numpy as np

H = int(sys.argv[1]) if len(sys.argv) > 1 else 11245
N = int(sys.argv[2]) if len(sys.argv) > 2 else 108
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
REPEATS = int(sys.argv[4]) if len(sys.argv) > 4 else 5


def batch(rng):
    holdings = rng.multinomial(H, np.full(N, 1.0 / N), size=RUNS)
    s = np.sort(holdings, axis=1)  # ascending
    total = s.sum(axis=1).astype(float)
    cr2 = (s[:, -1] + s[:, -2]) / total
    hhi = 10000.0 * (s.astype(float) ** 2).sum(axis=1) / total ** 2
    i = np.arange(1, N + 1)
    gini = ((2 * i - N - 1) * s).sum(axis=1) / (N * total)
    return cr2, hhi, gini


rng = np.random.default_rng(1)
batch(rng)  # warm-up
best = best_cpu = float("inf")
for _ in range(REPEATS):
    t, c = time.perf_counter(), time.process_time()
    cr2, hhi, gini = batch(rng)
    best = min(best, time.perf_counter() - t)
    best_cpu = min(best_cpu, time.process_time() - c)
print(f"  numpy uniform    {best:8.4f} s wall, {best_cpu:8.4f} s CPU per {RUNS:,}-run batch (H={H:,}, N={N}; mean CR2 {cr2.mean():.4f}, HHI {hhi.mean():.1f}, Gini {gini.mean():.4f})")
