"""Pure extraction stages: text in, typed records out. Nothing here touches the store."""

from policykg.ingest.pipeline import extract_file, extract_text

__all__ = ["extract_file", "extract_text"]
