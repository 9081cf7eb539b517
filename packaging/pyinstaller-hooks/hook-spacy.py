"""spaCy in Marginalia's bundle: the contributed hook's modules and data, less spaCy's
own test suite (it imports pytest; the spec leaves it out, and without this hook each
of its ~300 modules would be warned about as a hidden import not found)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["tests/**"])
hiddenimports = collect_submodules("spacy", filter=lambda name: not name.startswith("spacy.tests"))
