"""The two ways a person writes a report by hand, neither of which touches the store:
``sheet`` (the CSV/XLSX import sheet: reading uploads, rows ↔ reports, the template) and
``formdata`` (the entry form's widgets ↔ a report). ``dashboard.store.importer`` joins a sheet
to the store."""
