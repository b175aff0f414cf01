"""Reading and writing files, in one package (issue 41 §3, as geopandas keeps its ``io/``): the
modules that compute decide what goes in a file and hand io the rows, bytes or paths; io opens,
reads, writes, pickles and atomically replaces files, and builds CSV/XLSX bytes. No other module of
``dashboard/`` does (``tests/test_io_home.py``).

- ``sheets``: the safe CSV/XLSX upload reader both imports use (ceremonies, indicators)
- ``workbooks``: CSV/XLSX bytes (export tables, templates, review sheets) and the formula-safety rule
- ``yaml_files``: a YAML file people wrote, read within its bounds
- ``atomic``: whole files or none (``write_atomic``, ``replacing``)
- ``files``: plain files (text, bytes, a digest, a file's head, TOML, a CSV log, the schema lock)
- ``geo_files``: the boundary manifest, the upstream SQL dumps and the build report
- ``cache_files``: the app's own cache files, best effort (seed stamps, the gazetteer pickle)
- ``snapshot_files``: the loaded tables' snapshots (``records.snapshot`` says what they hold)
- ``letter_files``: the follow-up letter's template and logo
- ``print_pdf``: an HTML page printed to PDF by the export Chromium (the letter's PDF)
- ``images``: an uploaded JPEG or PNG decoded within a pixel bound (a report's proof photos)
- ``pdf_thumbnail``: a PDF's first page drawn by pdftoppm in a bounded child process

Only the standard library, openpyxl, PyYAML, pandas, Pillow and ``dashboard.errors``/``fmt`` are
imported here: io sits below the store, the records and the exports, never above them.
"""
