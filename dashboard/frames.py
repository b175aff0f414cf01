"""Small pandas idioms with one home."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd


def where(df: pd.DataFrame, flags: Iterable[bool]) -> pd.DataFrame:
    """The rows of ``df`` whose flag is true. ``df[[...]]`` with a Python list of booleans selects
    *columns* when the list is empty (no row), so every view of an election with no ceremony in the
    region failed with a KeyError (issue 35); a boolean array of the frame's length never does."""
    return df[np.fromiter(flags, dtype=bool, count=len(df))]
