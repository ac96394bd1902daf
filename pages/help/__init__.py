"""Help boxes: one "we are here to help" card per kind of help, written once, placed on many pages."""
