#!/usr/bin/env python3
"""Checks a DOCX report written by `auditready check --format docx` with python-docx, a reader
auditready did not write: headings use Word's Heading styles, tables hold the report's cells,
the footer numbers pages with PAGE and NUMPAGES fields, the core properties carry the title and
language, and word/document.xml is well-formed (xmllint when installed, else Python's parser).

usage: check-docx.py FILE [--expect-text TEXT]... [--expect-cell TEXT]... [--title TITLE] [--lang TAG]
exit 0 with a one-line summary; 1 with the failures; 3 when python-docx is not installed."""
import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom
import zipfile

try:
    import docx
except ImportError:
    print("python-docx is not installed (pip install python-docx)", file=sys.stderr)
    sys.exit(3)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def well_formed(data):
    """None when the XML bytes are well-formed, else the reason."""
    if shutil.which("xmllint"):
        with tempfile.NamedTemporaryFile(suffix=".xml") as part:
            part.write(data)
            part.flush()
            run = subprocess.run(["xmllint", "--noout", "--nonet", part.name], capture_output=True, text=True)
            return None if run.returncode == 0 else run.stderr.strip()[:500]
    try:
        xml.dom.minidom.parseString(data)
        return None
    except Exception as error:  # noqa: BLE001 - any parse failure is the answer
        return str(error)[:500]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--expect-text", action="append", default=[], help="text some paragraph or cell contains")
    parser.add_argument("--expect-cell", action="append", default=[], help="text some table cell contains")
    parser.add_argument("--title", help="the expected core property title")
    parser.add_argument("--lang", help="the expected language tag (en-GB, fr-FR)")
    args = parser.parse_args()
    failures = []

    with zipfile.ZipFile(args.file) as package:
        names = package.namelist()
        for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                         "word/_rels/document.xml.rels", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"]:
            if required not in names:
                failures.append(f"missing part {required}")
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                reason = well_formed(package.read(name))
                if reason:
                    failures.append(f"{name} is not well-formed: {reason}")

    document = docx.Document(args.file)
    headings = {}
    texts = []
    for paragraph in document.paragraphs:
        texts.append(paragraph.text)
        if paragraph.style.name.startswith("Heading"):
            headings.setdefault(paragraph.style.name, []).append(paragraph.text)
    for level in ("Heading 1", "Heading 2"):
        if not headings.get(level):
            failures.append(f"no paragraph in style {level}")
    cells = []
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cells.append(cell.text)
    if not document.tables:
        failures.append("no tables")
    everything = "\n".join(texts + cells)
    for text in args.expect_text:
        if text not in everything:
            failures.append(f"no paragraph or cell contains {text!r}")
    for text in args.expect_cell:
        if not any(text in cell for cell in cells):
            failures.append(f"no table cell contains {text!r}")

    footer = document.sections[0].footer
    instructions = " ".join(node.text or "" for node in footer._element.iter(W + "instrText"))
    instructions += " ".join(node.get(W + "instr") or "" for node in footer._element.iter(W + "fldSimple"))
    for field in ("PAGE", "NUMPAGES"):
        if field not in instructions.split():
            failures.append(f"the footer has no {field} field")
    section = document.sections[0]
    if abs(section.page_width.mm - 210) > 1 or abs(section.page_height.mm - 297) > 1:
        failures.append(f"page is {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm, not A4")

    core = document.core_properties
    if args.title is not None and core.title != args.title:
        failures.append(f"core title is {core.title!r}, not {args.title!r}")
    if args.lang is not None and core.language != args.lang:
        failures.append(f"core language is {core.language!r}, not {args.lang!r}")

    if failures:
        print("\n".join(failures))
        return 1
    print(f"ok: {sum(map(len, headings.values()))} headings ({', '.join(f'{k}: {len(v)}' for k, v in sorted(headings.items()))}), "
          f"{len(document.tables)} tables, {len(cells)} cells, footer PAGE/NUMPAGES, "
          f"title {core.title!r}, language {core.language}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
