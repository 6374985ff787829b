#!/usr/bin/env python3
"""Checks a register workbook written by `auditready template` with openpyxl, a reader the project
did not write: the README sheet first, a sheet per register with its header row frozen, the column
titles in the chosen language, drop-down lists on code columns, a date format on date columns.

usage: check-xlsx.py FILE [--lang en|fr]      exit 0 ok, 1 a check failed
"""
import sys

import openpyxl


def main():
    path = sys.argv[1]
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "en"
    book = openpyxl.load_workbook(path)
    problems = []
    readme = "LISEZMOI" if lang == "fr" else "README"
    if book.sheetnames[0] != readme:
        problems.append(f"the first sheet is {book.sheetnames[0]!r}, not {readme!r}")
    for name in ("organisation", "complaints", "nonconformities", "equipment"):
        if name not in book.sheetnames:
            problems.append(f"no sheet {name!r}")
    complaints = book["complaints"]
    headers = [cell.value for cell in complaints[1]]
    expected = ("Identifiant", "Reçue le", "Priorité") if lang == "fr" else ("id", "received_on", "priority")
    for title in expected:
        if title not in headers:
            problems.append(f"complaints has no column {title!r} (headers: {headers[:6]}…)")
    if complaints.freeze_panes != "A2":
        problems.append(f"the complaints header is not frozen (freeze_panes {complaints.freeze_panes!r})")
    lists = {str(v.sqref): v.formula1 for v in complaints.data_validations.dataValidation if v.type == "list"}
    if not any("low,medium,high,critical" in formula for formula in lists.values()):
        problems.append(f"no drop-down of priorities on complaints: {lists}")
    received = openpyxl.utils.get_column_letter(headers.index(expected[1]) + 1)
    if complaints.column_dimensions[received].number_format != "yyyy-mm-dd":
        problems.append(f"the received date column has format {complaints.column_dimensions[received].number_format!r}")
    text = " ".join(str(c.value) for row in book[readme].iter_rows() for c in row if c.value)
    if "10.2" not in text or "nonconformities" not in text:
        problems.append("the README does not explain the nonconformities register and its clause")
    for problem in problems:
        print(f"check-xlsx: {problem}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
