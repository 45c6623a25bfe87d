"""A table with its CSV and JSON downloads: every table the explorer shows goes through here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st


def frame(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str] | None = None,
    *,
    first: Sequence[str] = (),
    drop: Sequence[str] = (),
) -> pd.DataFrame:
    """Rows as a DataFrame: `columns` only (else all), those in `first` leading, those in `drop` left out;
    nested values (lists, node dicts) as text so any cell displays."""
    df = pd.DataFrame(list(rows), columns=list(columns) if columns else None)
    df = df.drop(columns=[c for c in drop if c in df.columns])
    leading = [c for c in first if c in df.columns]
    df = df[leading + [c for c in df.columns if c not in leading]]
    for col in df.columns:
        if df[col].map(lambda v: isinstance(v, (dict, list, tuple))).any():
            df[col] = df[col].map(_cell_text)
    return df


def _cell_text(value: Any) -> Any:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if not str(k).startswith("_"))
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_cell_text(v)) for v in value)
    return value


def show(
    df: pd.DataFrame,
    name: str,
    *,
    key: str,
    height: int | None = None,
    everything: Callable[[], pd.DataFrame] | None = None,
) -> None:
    """The table plus CSV / JSON download buttons; `name` is the downloaded file's stem. When the page shows
    only the first rows, `everything` makes the whole table for the downloads (called on a click, in another
    thread: it must not call Streamlit)."""
    whole = everything or (lambda: df)
    if height is None:
        st.dataframe(df, hide_index=True, width="stretch")
    else:
        st.dataframe(df, hide_index=True, width="stretch", height=height)
    buttons = st.container(horizontal=True)
    # Made when a button is clicked, not on every run: a 10,000-row table is 3 MB of CSV and JSON to send.
    buttons.download_button(
        "CSV",
        lambda: whole().to_csv(index=False).encode("utf-8-sig"),  # the BOM lets Excel read the Chinese text
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}-csv",
        on_click="ignore",
    )
    buttons.download_button(
        "JSON",
        lambda: whole().to_json(orient="records", force_ascii=False, indent=1),
        file_name=f"{name}.json",
        mime="application/json",
        key=f"{key}-json",
        on_click="ignore",
    )
