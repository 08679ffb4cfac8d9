"""Developer tools: evaluation, baselines and benchmarks."""
