"""Peta Netralitas ASN: records of ASN election-neutrality commitment ceremonies,
turned into coverage maps, readiness figures and timelines.

The package is plain Python (no Streamlit) except ``dashboard.ui``; pages in
``app_pages/`` wire widgets to the functions here.
"""

__version__ = "0.1.0"

import pandas as _pd

# pandas 3 stores text in pyarrow-backed "str" columns by default. The metrics look region
# codes and ceremony ids up in Python dicts, element by element, and iterating an arrow-backed
# column is ~10x slower than a NumPy object column: at national scale (~20,000 ceremonies,
# 7,000 kecamatan) that alone doubled the time of every view. Plain object columns it is.
# The option is deprecated in pandas 3 (pyproject keeps pandas < 4, where it still works).
import warnings as _warnings

with _warnings.catch_warnings():
    _warnings.simplefilter("ignore")
    _pd.options.future.infer_string = False
