#!/usr/bin/env python3
"""Writes the inputs the hardening figures of docs/robustness.md are measured on.

usage: make-stress-inputs.py attributes OUT.xml N
           Samples/acme-small/records.xml with N unknown attributes aK="x" added to the start
           tag of its first <complaint> (all on that one line).
       make-stress-inputs.py rules OUTDIR BYTES [plain|accented]
           OUTDIR/big.rules: one valid rule whose message is about BYTES long: plain, one line
           of "aaa…" (the issue's case); accented, a long text of lines with accented letters,
           a dash and a placeholder each (columns count characters). Under the 4 MiB limit
           when BYTES is at most 4,190,000.
"""
import os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
kind = sys.argv[1] if len(sys.argv) > 1 else ""
if kind == "attributes" and len(sys.argv) == 4:
    text = open(os.path.join(root, "Samples/acme-small/records.xml"), encoding="utf-8").read()
    at = text.index("<complaint ") + len("<complaint")
    attributes = "".join(' a%d="x"' % k for k in range(int(sys.argv[3])))
    open(sys.argv[2], "w", encoding="utf-8").write(text[:at] + attributes + text[at:])
elif kind == "rules" and len(sys.argv) == 5 and sys.argv[4] == "plain":
    os.makedirs(sys.argv[2], exist_ok=True)
    head = ('rule BIG-1\n  title "Complaints"\n  standard iso10002\n  clause 7.4\n  grade observation\n'
            '  for each complaint in complaints\n  require complaint.id is present\n  message "')
    with open(os.path.join(sys.argv[2], "big.rules"), "w", encoding="utf-8") as out:
        out.write(head + "a" * (int(sys.argv[3]) - len(head) - 8) + '"\nend\n')
elif kind == "rules" and len(sys.argv) in (4, 5):
    os.makedirs(sys.argv[2], exist_ok=True)
    size = int(sys.argv[3])
    head = ('rule BIG-1\n  title "Réclamations : délai"\n  standard iso10002\n  clause 7.4\n  grade observation\n'
            '  for each complaint in complaints\n  require complaint.id is present\n  message """\n')
    line = "    Réclamation reçue — délai dépassé, à traiter {complaint.id}.\n"
    count = max(1, (size - len(head.encode()) - 20) // len(line.encode()))
    with open(os.path.join(sys.argv[2], "big.rules"), "w", encoding="utf-8") as out:
        out.write(head + line * count + '    """\nend\n')
else:
    sys.exit(__doc__)
