"""Qt-free logic: offsets, recognition, import/export, operations."""
