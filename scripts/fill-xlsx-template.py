#!/usr/bin/env python3
"""Fills a register workbook written by `auditready template` with the records of a JSON export,
using openpyxl (a program the project did not write), for the round-trip test: `check` must give
the same findings on the filled workbook as on the records it was filled with.

usage: fill-xlsx-template.py TEMPLATE.xlsx RECORDS.json OUT.xlsx OUT.json

OUT.json is RECORDS.json with what a flat register cannot hold left out (fields that are lists
of records, the `export` group): the records the workbook holds. Dates go in as real dates (so
the reader must turn serial numbers back into ISO dates), yes/no as booleans, lists joined by ';'.
"""
import datetime
import json
import sys

import openpyxl


def cell_value(value):
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, str) and len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and len(value) == 19 and value[10] == "T":
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def flat(value):
    """False for a list of records, which has no column in a register."""
    return not (isinstance(value, list) and any(isinstance(item, dict) for item in value))


def main():
    template, records_path, out_xlsx, out_json = sys.argv[1:5]
    records = json.load(open(records_path, encoding="utf-8"))
    book = openpyxl.load_workbook(template)
    kept = {}
    for name, content in records.items():
        if name not in book.sheetnames:
            continue
        sheet = book[name]
        if isinstance(content, dict):
            rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
            group = {}
            for field, value in content.items():
                if field in rows and value is not None and flat(value):
                    sheet.cell(row=rows[field], column=2, value=cell_value(value))
                    group[field] = value
            kept[name] = group
            continue
        columns = {sheet.cell(row=1, column=c).value: c for c in range(1, sheet.max_column + 1)}
        items = []
        for number, record in enumerate(content, start=2):
            item = {}
            for field, value in record.items():
                if field in columns and value is not None and flat(value):
                    sheet.cell(row=number, column=columns[field], value=cell_value(value))
                    item[field] = value
            items.append(item)
        kept[name] = items
    book.properties.created = datetime.datetime(2026, 1, 1)
    book.properties.modified = datetime.datetime(2026, 1, 1)
    book.save(out_xlsx)
    with open(out_json, "w", encoding="utf-8") as out:
        json.dump(kept, out, indent=2, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    main()
