"""Synthetic 法治政府建设 documents in the real layouts, with the truth about what each one contains."""
