"""Demo and synthetic data: realistic, deterministic for a seed."""
