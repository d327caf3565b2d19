"""Importers of user-supplied files (spreadsheets) into validated domain objects.

- :mod:`ipguard.imports.assets_xlsx` a company's IP assets from a workbook
- :mod:`ipguard.imports.batch`       a spreadsheet of applicants screened at once (results written back)
- :mod:`ipguard.imports.xlsx_limits` what a workbook may be before openpyxl opens it
"""
