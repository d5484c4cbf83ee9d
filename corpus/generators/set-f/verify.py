import sys, os, json; sys.path.insert(0, "/tmp/blindf"); from lib import *
drops = {"f01": ("HSFR SOP 4.3 – Social Media", "SOP 4.3 Social Media | Effective"),
         "f08": ("National Museum of Working Life | Digital Engagement", "NMWL/STR/2026/03")}
tot = 0
for f in sorted(os.listdir(OUT)):
    if f.endswith(".gold.json") or f == "README.md": continue
    p = os.path.join(OUT, f); ext = f.rsplit(".", 1)[1]
    if ext == "pdf": t = pdf_text(p, drops[f[:3]])
    elif ext == "docx": t = docx_text(p)
    elif ext == "html": t = html_text(p)
    else: t = open(p, encoding="utf-8").read()
    check(f, t)
