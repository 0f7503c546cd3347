#!/usr/bin/env python3
"""Writes the spreadsheet fixtures for the inventory import tests with real producers:
openpyxl (inline strings, formulas without cached values) directly, and LibreOffice (shared
strings, rich text, cached formula values) by converting a CSV. Run from the repository root:
  .checkers/venv/bin/python scripts/make-import-fixtures.py [OUTPUT_DIR]
The outputs in Tests/MaturityStoreTests/Fixtures/import are committed; CI writes fresh ones to a
temporary folder and imports them, so the reader is checked against today's producers."""
import datetime
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Font

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/MaturityStoreTests/Fixtures/import")
out.mkdir(parents=True, exist_ok=True)

# openpyxl: a notes sheet first, the inventory on a named second sheet, headers in another order
# and spelling, a number stored as text, a boolean cell, a date cell, a formula, an empty cell,
# unicode, and a column to ignore.
wb = Workbook()
notes = wb.active
notes.title = "Read me"
notes["A1"] = "Inventory on the next sheet"
ws = wb.create_sheet("Processes")
ws.append(["Weekly hours", "Process name", "Dept", "System", "Exceptions", "Can an error stop the line?", "Owner", "Volume/week", "Reviewed on", "Cost centre"])
ws.append([30, "Supplier follow-up", "Purchasing", "ERP", 0.1, False, "Sam Ortiz", 400, datetime.date(2026, 3, 1), "CC-12"])
ws.append(["45", "Customer PO entry", "Customer service", "erp", "8%", "no", "Pat Lee", "=450*2", None, "CC-14"])
ws.append([12.5, "Qualitätsprüfung Berichte", "Qualität", "spreadsheet", None, True, None, 60, None, None])
wb.save(out / "openpyxl.xlsx")

# LibreOffice: the same kind of table from a UTF-8 CSV, converted with the CSV filter.
tmp = pathlib.Path(tempfile.mkdtemp())
csv = tmp / "libreoffice.csv"
csv.write_text(
    "Name,Hours per week,Volume per week,System of record,Write back,Input structure,Exception share,High severity errors possible,Owner candidate\n"
    "Supplier follow-up,30,400,erp,api,semi,0.1,no,Sam Ortiz\n"
    "Invoice matching,\"1,500\",900,ERP,API,structured,5%,no,Lena Fischer\n"
    "\"Quotes, rush\",12.5,80,email,manual,unstructured,0.3,yes,Raj Patel\n",
    encoding="utf-8")
profile = f"file://{tmp}/lo-profile"
subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--infilter=CSV:44,34,76,1",
                "--convert-to", "xlsx", "--outdir", str(tmp), str(csv)], check=True, capture_output=True)
made = tmp / "libreoffice.xlsx"
if not made.exists():
    raise SystemExit("LibreOffice did not write libreoffice.xlsx")
shutil.copy(made, out / "libreoffice.xlsx")
shutil.rmtree(tmp)
print("wrote", *sorted(p.name for p in out.glob("*.xlsx")))
