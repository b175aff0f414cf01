"""Commitment-ceremony records: vocabulary, calendar, reading, validation, merging, tables."""
