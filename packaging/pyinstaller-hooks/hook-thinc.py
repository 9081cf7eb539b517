"""thinc in Marginalia's bundle: the contributed hook, less thinc's own test suite
(see hook-spacy.py)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("thinc", excludes=["tests/**"])
hiddenimports = collect_submodules("thinc", filter=lambda name: not name.startswith("thinc.tests"))
