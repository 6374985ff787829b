#!/usr/bin/env python3
"""Convert an auditready records export from JSON to the contract's XML spelling.

Usage: json-to-xml.py records.json [records.xml]     (writes to standard output without a second argument)

Mapping (see the records contract, "Encodings: one tree, two spellings"):
  - the whole export becomes the root element <records>;
  - an object becomes an element with one child element per field;
  - an array becomes a plural container with one child per item, named in the singular
    (people -> person, analyses -> analysis, ...ies -> ...y, ...sses -> ...ss, ...ches -> ...ch,
    ...shes -> ...sh, ...xes -> ...x, other trailing "s" dropped); lists whose
    name is not a plural (top_management, distributed_to, equipment, not_applicable, or any name
    not ending in "s") get <item> children, also when they hold a single item;
  - in items of collections (arrays of objects), "id" and every second short scalar field are
    written as XML attributes, to show that attributes and child elements are interchangeable;
  - null becomes an empty element (absent), booleans true/false, numbers as plain decimals.
The output is deterministic: fields keep their JSON order, indentation is two spaces.
Standard library only.
"""
import json
import re
import sys
from xml.sax.saxutils import escape, quoteattr

IRREGULAR = {"people": "person", "analyses": "analysis", "criteria": "criterion", "data": "datum", "statuses": "status"}
# List fields of the records contract whose names are not plurals: their items are always written
# <item>, even when the list has a single item, so that a one-item list never reads as a group
# with one field (the loaders know these names as lists).
NOT_PLURAL = {"top_management", "distributed_to", "equipment", "not_applicable"}
NAME_START = re.compile(r"[A-Za-z_]")
MAX_ATTRIBUTE_LENGTH = 40


def singular(plural):
    """The element name for one item of the container `plural`."""
    if plural in IRREGULAR:
        return IRREGULAR[plural]
    if plural in NOT_PLURAL:
        return "item"
    for ending, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if plural.endswith(ending) and len(plural) > len(ending):
            return plural[: -len(ending)] + replacement
    if plural.endswith("s") and not plural.endswith("ss") and len(plural) > 1:
        return plural[:-1]
    return "item"


def element_name(key):
    """A valid XML element name for a JSON key (keys of the contract are already valid)."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", key)
    if not NAME_START.match(name):
        name = "_" + name
    return name


def scalar_text(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_scalar(value):
    return value is None or isinstance(value, (str, int, float, bool))


def write_value(out, name, value, depth, in_collection=False):
    pad = "  " * depth
    if isinstance(value, dict):
        attributes = []
        children = []
        scalar_index = 0
        for key, child in value.items():
            short = is_scalar(child) and child is not None and len(scalar_text(child)) <= MAX_ATTRIBUTE_LENGTH \
                and "\n" not in scalar_text(child)
            as_attribute = False
            if in_collection and short:
                if key == "id":
                    as_attribute = True
                else:
                    # every second short scalar field goes into an attribute
                    as_attribute = scalar_index % 2 == 1
                    scalar_index += 1
            if as_attribute:
                attributes.append(" %s=%s" % (element_name(key), quoteattr(scalar_text(child))))
            else:
                children.append((key, child))
        opening = "%s<%s%s" % (pad, name, "".join(attributes))
        if not children:
            out.append(opening + "/>")
            return
        out.append(opening + ">")
        for key, child in children:
            write_value(out, element_name(key), child, depth + 1)
        out.append("%s</%s>" % (pad, name))
    elif isinstance(value, list):
        if not value:
            out.append("%s<%s/>" % (pad, name))
            return
        item_name = singular(name)
        out.append("%s<%s>" % (pad, name))
        for item in value:
            write_value(out, item_name, item, depth + 1, in_collection=isinstance(item, dict))
        out.append("%s</%s>" % (pad, name))
    else:
        text = scalar_text(value)
        if text == "":
            out.append("%s<%s/>" % (pad, name))
        else:
            out.append("%s<%s>%s</%s>" % (pad, name, escape(text), name))


def convert(document):
    if not isinstance(document, dict):
        raise SystemExit("error: the export must be a JSON object at the top level")
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    write_value(out, "records", document, 0)
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write("usage: json-to-xml.py records.json [records.xml]\n")
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        document = json.load(handle)
    xml = convert(document)
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8", newline="\n") as handle:
            handle.write(xml)
    else:
        sys.stdout.write(xml)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
