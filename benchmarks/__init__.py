"""Benchmarks: the synthetic corpus generator and the benchmark runner (`python -m benchmarks.run`)."""
