#!/usr/bin/env python3
"""Writes the workbook fixtures of the tests with openpyxl, a program the project did not write.

usage: scripts/make-xlsx-fixtures.py [DIR]   (default: Tests/AuditKitTests/Fixtures/Workbooks)

The fixtures are committed, so the tests do not need openpyxl. Run again after changing this
script; the files are written with a fixed creation date so they only change when it does.
Then convert contract-layout.xlsx with LibreOffice (scripts/make-xlsx-fixtures.sh does both).
"""
import datetime
import os
import sys

import openpyxl
from openpyxl.workbook.properties import CalcProperties

FIXED = datetime.datetime(2026, 1, 1)


def fixed_properties(book):
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.properties.creator = "make-xlsx-fixtures.py"


def contract_layout(path):
    """Registers laid out like the records contract, with the cell kinds a checker must read."""
    book = openpyxl.Workbook()
    organisation = book.active
    organisation.title = "organisation"
    organisation.append(["field", "value"])
    organisation.append(["name", "Acme Widgets Ltd"])
    organisation.append(["scope", "Design and manufacture of widgets"])
    organisation.append(["standards", "ISO 9001:2015; ISO 10002:2018"])

    complaints = book.create_sheet("complaints")
    complaints.append(["id", "received_on", "channel", "priority", "safety_related", "acknowledged_on",
                       "closed_on", "satisfaction_score", "description"])
    rows = [
        ["CMP-1", datetime.date(2026, 1, 5), "email", "high", True, datetime.date(2026, 1, 6),
         datetime.datetime(2026, 1, 20, 9, 30), 4, "Widget cracked on delivery"],
        ["CMP-2", datetime.date(2026, 2, 10), "phone", "low", False, None, None, 3.5, "Late delivery"],
        ["CMP-3", datetime.date(2026, 2, 28), "web", "medium", False, datetime.date(2026, 3, 2), None, None,
         "Invoice & delivery note disagree <twice>"],
    ]
    for row in rows:
        complaints.append(row)
    for row in complaints.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "dd/mm/yyyy"          # a custom date format
    for row in complaints.iter_rows(min_row=2, min_col=6, max_col=6):
        row[0].number_format = "yyyy-mm-dd"
    for row in complaints.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].number_format = "dd/mm/yyyy hh:mm"
    # Trailing rows that only carry a style, as spreadsheets leave them after deletions.
    for r in range(10, 14):
        complaints.cell(row=r, column=2).number_format = "dd/mm/yyyy"

    nonconformities = book.create_sheet("nonconformities")
    nonconformities.append(["id", "raised_on", "source", "owner", "due_on", "description", "effective"])
    nonconformities.append(["NC-1", datetime.date(2026, 1, 8), "complaint", "P-1", datetime.date(2026, 2, 8),
                            "Packaging too thin", True])
    nonconformities.append(["NC-2", datetime.date(2026, 1, 9), "internal_audit", None, datetime.date(2026, 2, 9),
                            "Calibration record missing", None])
    nonconformities.append(["NC-3", datetime.date(2026, 1, 10), "process", "P-2", "=B4+30",
                            "Due date from a formula never calculated", None])
    nonconformities.merge_cells("D2:D3")              # NC-2 shares NC-1's owner
    for row in nonconformities.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "mm-dd-yy"             # built-in format 14
    for row in nonconformities.iter_rows(min_row=2, min_col=5, max_col=5):
        row[0].number_format = "d-mmm-yy"             # built-in format 15

    risks = book.create_sheet("risks")
    risks.append(["id", "kind", "description"])
    risks.append(["R-1", "risk", "Supplier failure"])
    risks.sheet_state = "hidden"

    notes = book.create_sheet("Notes")
    notes.append(["Kept by the quality manager"])

    fixed_properties(book)
    book.save(path)


def dates_1904(path):
    """The same date written in the 1904 date system (old Mac workbooks)."""
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "complaints"
    sheet.append(["id", "received_on"])
    sheet.append(["CMP-1904", datetime.date(2026, 3, 15)])
    sheet["B2"].number_format = "yyyy-mm-dd"
    fixed_properties(book)
    book.save(path)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "Tests", "AuditKitTests", "Fixtures", "Workbooks")
    os.makedirs(directory, exist_ok=True)
    contract_layout(os.path.join(directory, "contract-layout.xlsx"))
    dates_1904(os.path.join(directory, "dates-1904.xlsx"))


if __name__ == "__main__":
    main()
