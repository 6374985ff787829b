#!/usr/bin/env python3
"""Writes large and hostile workbooks for the "Workbooks" rows of docs/robustness.md (not used by
`swift test`: they are large). Each is a minimal SpreadsheetML package zipped with Python's zipfile.

usage: make-hostile-xlsx.py DIR

  rows-1m.xlsx        a complaints sheet of 1,048,575 records (Excel's last row), shared strings
  columns-16k.xlsx    a complaints sheet 16,384 columns wide (A to XFD), 100 rows
  strings-1m.xlsx     a shared-strings table of 1,000,000 distinct texts, 1,000 of them used
  bomb.xlsx           a 2 GB sheet of spaces stored in about 2 MB (ratio ~1000)
  traversal.xlsx      an entry named ../../evil.xml
  xxe.xlsx            an external entity in xl/sharedStrings.xml
"""
import os
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def letters(column):
    text = ""
    while column:
        column, rest = divmod(column - 1, 26)
        text = chr(65 + rest) + text
    return text


def package(path, sheet_writer, extra=None, strings=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        z.writestr("xl/workbook.xml", f'<workbook {NS} {RELNS}><sheets><sheet name="complaints" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr("xl/styles.xml", f'<styleSheet {NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
        if strings is not None:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
                strings(out)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            sheet_writer(out)
        for name, text in (extra or []):
            z.writestr(name, text)


def rows_1m(out):
    out.write(f"<worksheet {NS}><sheetData>".encode())
    out.write(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>')
    for r in range(2, 1_048_577):
        out.write(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>CMP-{r}</t></is></c><c r="B{r}" s="1"><v>{46000 + r % 300}</v></c>'
                  f'<c r="C{r}" t="s"><v>3</v></c></row>'.encode())
    out.write(b"</sheetData></worksheet>")


def rows_1m_strings(out):
    out.write(f'<sst {NS}><si><t>id</t></si><si><t>received_on</t></si><si><t>priority</t></si><si><t>high</t></si></sst>'.encode())


def columns_16k(out):
    out.write(f"<worksheet {NS}><sheetData>".encode())
    header = '<c r="A1" t="inlineStr"><is><t>id</t></is></c>' + "".join(
        f'<c r="{letters(c)}1" t="inlineStr"><is><t>extra_{c}</t></is></c>' for c in range(2, 16_385))
    out.write(f'<row r="1">{header}</row>'.encode())
    for r in range(2, 102):
        cells = f'<c r="A{r}" t="inlineStr"><is><t>CMP-{r}</t></is></c>' + "".join(
            f'<c r="{letters(c)}{r}"><v>{c}</v></c>' for c in range(2, 16_385))
        out.write(f'<row r="{r}">{cells}</row>'.encode())
    out.write(b"</sheetData></worksheet>")


def strings_1m(out):
    out.write(f'<sst {NS}>'.encode())
    out.write(b"<si><t>id</t></si>")
    for i in range(1, 1_000_000):
        out.write(f"<si><t>complaint text number {i}</t></si>".encode())
    out.write(b"</sst>")


def strings_1m_sheet(out):
    out.write(f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'.encode())
    for r in range(2, 1002):
        out.write(f'<row r="{r}"><c r="A{r}" t="s"><v>{r * 997}</v></c></row>'.encode())
    out.write(b"</sheetData></worksheet>")


def bomb(out):
    out.write(f"<worksheet {NS}>".encode())
    block = b" " * (1 << 20)
    for _ in range(2048):
        out.write(block)
    out.write(b"</worksheet>")


def simple_sheet(out):
    out.write(f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row></sheetData></worksheet>'.encode())


def main():
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    j = lambda name: os.path.join(directory, name)
    package(j("rows-1m.xlsx"), rows_1m, strings=rows_1m_strings)
    package(j("columns-16k.xlsx"), columns_16k)
    package(j("strings-1m.xlsx"), strings_1m_sheet, strings=strings_1m)
    package(j("bomb.xlsx"), bomb)
    package(j("traversal.xlsx"), simple_sheet, extra=[("../../evil.xml", "<x/>")])
    xxe = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY leak SYSTEM "file:///etc/passwd">]>'
           f'<sst {NS}><si><t>&leak;</t></si></sst>')
    package(j("xxe.xlsx"), simple_sheet, extra=[("xl/sharedStrings.xml", xxe)])
    print(f"wrote the workbooks into {directory}")


if __name__ == "__main__":
    main()
