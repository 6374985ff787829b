#!/usr/bin/env python3
"""Writes a large complaints register (CSV) and its mapping, for measuring memory and time.

usage: make-large-csv.py OUTDIR [ROWS]   (default 300000 rows, about 38 MB)
"""
import os, sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 300000
os.makedirs(out, exist_ok=True)
clients = ["Boulangerie Martin", "Hôtel du Lac", "Épicerie Fine Dubois", "Restaurant Le Chalet", "Fromages & Co"]
texts = ["Livraison incomplète : cartons manquants", "Étiquettes illisibles sur le lot", "Croûte abîmée à la réception",
         "Retard de livraison de deux jours", "Température de transport trop élevée"]
with open(os.path.join(out, "reclamations.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("N° réclamation;Date de réception;Canal;Client;Description;Priorité;Sécurité;Date de clôture\r\n")
    for n in range(rows):
        f.write("REC-%07d;%02d/%02d/2026;%s;%s;\"%s %d\";%s;%s;%02d/%02d/2026\r\n" % (
            n, n % 28 + 1, n % 12 + 1, ["Courriel", "Téléphone", "Courrier"][n % 3], clients[n % 5],
            texts[n % 5], n, ["Basse", "Moyenne", "Haute"][n % 3], ["Oui", "Non"][n % 2], n % 28 + 1, n % 12 + 1))
with open(os.path.join(out, "mapping.yml"), "w", encoding="utf-8") as f:
    f.write("""date_format: dd/mm/yyyy
collections:
  complaints:
    file: reclamations.csv
    fields:
      id: N° réclamation
      received_on: Date de réception
      channel:
        column: Canal
        values: { Courriel: email, Téléphone: phone, Courrier: letter }
      complainant: Client
      description: Description
      priority:
        column: Priorité
        values: { Basse: low, Moyenne: medium, Haute: high }
      safety_related:
        column: Sécurité
        values: { Oui: true, Non: false }
      closed_on: Date de clôture
""")
