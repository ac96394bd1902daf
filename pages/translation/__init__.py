"""The translation pipeline: status, PO export/import, machine drafts and the glossary."""
