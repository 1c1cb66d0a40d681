"""Babel with the CLDR data of the app's languages only, in place of PyInstaller's own hook,
which ships all of CLDR (35 MB the app never reads)."""

from PyInstaller.utils.hooks import collect_data_files

from cs360desk.i18n import CLDR_DATA

datas = collect_data_files("babel", excludes=["locale-data/*.dat"])
datas += collect_data_files("babel", includes=[f"locale-data/{name}.dat" for name in CLDR_DATA])

hiddenimports = ["babel.dates", "babel.localedata", "babel.plural", "babel.numbers"]
