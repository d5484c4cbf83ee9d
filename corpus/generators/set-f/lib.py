import re, json, os, html as H, subprocess, unicodedata
IDS = """GL101 GL102 GL103 GL201 GL202 GL203 GL204 GL301 GL302 GL303 GL401 GL402 GL403 GL404 GL405
GL501 GL502 GL503 GL504 GL601 GL602 GL603 GL604 GL701 GL702 GL703 GL704 GL705 GL706 GL707
GL801 GL802 GL803 GL804 GL901 GL902 GL903 GL904""".split()
OUT = "/work/blind/f"
MK = re.compile(r"\[\[([A-Z0-9 ,]+)\|(.*?)\]\]", re.S)

class Gold:
    def __init__(self): self.ev = {i: [] for i in IDS}
    def strip(self, s):
        def rep(m):
            ids = m.group(1).replace(",", " ").split(); t = m.group(2)
            for i in ids:
                assert i in IDS, i
                if t not in self.ev[i]: self.ev[i].append(t)
            return t
        out = MK.sub(rep, s)
        assert "[[" not in out and "]]" not in out, out
        return out
    def write(self, fname):
        sp = {i: {"covered": bool(self.ev[i]), "evidence": self.ev[i]} for i in IDS}
        d = {"document": fname, "annotator": "written blind to gaplint; labels by the author", "subpoints": sp}
        base = fname.rsplit(".", 1)[0]
        with open(os.path.join(OUT, base + ".gold.json"), "w") as f:
            json.dump(d, f, indent=2, ensure_ascii=False)
        return sum(1 for i in IDS if self.ev[i])

def norm(s):
    s = H.unescape(s).replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()

# ---------------- docx ----------------
from docx import Document
from docx.shared import Pt, Cm, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

def add_field(par, instr):
    r = par.add_run()
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin"); r._r.append(f1)
    r2 = par.add_run(); it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = instr; r2._r.append(it)
    r3 = par.add_run(); f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate"); r3._r.append(f2)
    r4 = par.add_run("1")
    r5 = par.add_run(); f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end"); r5._r.append(f3)

def add_rich(par, text):
    # **bold** support
    parts = re.split(r"(\*\*.*?\*\*)", text)
    for p in parts:
        if p.startswith("**") and p.endswith("**"): par.add_run(p[2:-2]).bold = True
        elif p: par.add_run(p)

def new_num(doc):
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    st = doc.styles["List Number"]._element
    sid = st.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    absid = None
    for n in numbering.findall(qn("w:num")):
        if n.get(qn("w:numId")) == sid: absid = n.find(qn("w:abstractNumId")).get(qn("w:val"))
    ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    nid = max(ids) + 1
    num = OxmlElement("w:num"); num.set(qn("w:numId"), str(nid))
    a = OxmlElement("w:abstractNumId"); a.set(qn("w:val"), absid); num.append(a)
    lo = OxmlElement("w:lvlOverride"); lo.set(qn("w:ilvl"), "0"); so = OxmlElement("w:startOverride"); so.set(qn("w:val"), "1"); lo.append(so); num.append(lo)
    numbering.append(num)
    return nid

def build_docx(blocks, g, path, header_text, footer_text, font="Calibri"):
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = font; st.font.size = Pt(10.5)
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.2)
    hp = sec.header.paragraphs[0]; hp.text = header_text; hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for r in hp.runs: r.font.size = Pt(8)
    fp = sec.footer.paragraphs[0]; fp.add_run(footer_text + "    Page "); add_field(fp, "PAGE"); fp.add_run(" of "); add_field(fp, "NUMPAGES")
    for r in fp.runs: r.font.size = Pt(8)
    for b in blocks:
        kind = b[0]
        if kind in ("title", "h1", "h2", "h3"):
            lvl = {"title": 0, "h1": 1, "h2": 2, "h3": 3}[kind]
            doc.add_heading(g.strip(b[1]), level=lvl)
        elif kind == "p":
            add_rich(doc.add_paragraph(), g.strip(b[1]))
        elif kind == "small":
            p = doc.add_paragraph(); r = p.add_run(g.strip(b[1])); r.font.size = Pt(8.5); r.italic = True
        elif kind == "bullet":
            for it in b[1]: add_rich(doc.add_paragraph(style="List Bullet"), g.strip(it))
        elif kind == "num":
            numid = new_num(doc)
            for it in b[1]:
                p = doc.add_paragraph(style="List Number"); add_rich(p, g.strip(it))
                pPr = p._p.get_or_add_pPr(); numPr = OxmlElement("w:numPr")
                il = OxmlElement("w:ilvl"); il.set(qn("w:val"), "0"); ni = OxmlElement("w:numId"); ni.set(qn("w:val"), str(numid))
                numPr.append(il); numPr.append(ni); pPr.append(numPr)
        elif kind == "table":
            rows = b[1]; hdr = b[2] if len(b) > 2 else True
            t = doc.add_table(rows=len(rows), cols=len(rows[0])); t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, c in enumerate(row):
                    cell = t.cell(i, j); cell.text = ""
                    add_rich(cell.paragraphs[0], g.strip(c))
                    if hdr and i == 0:
                        for r in cell.paragraphs[0].runs: r.bold = True
            doc.add_paragraph()
        elif kind == "pagebreak":
            doc.add_page_break()
        else: raise ValueError(kind)
    doc.save(path)

def docx_text(path):
    d = Document(path); out = []
    def walk_tables(ts):
        for t in ts:
            for row in t.rows:
                seen = set()
                for c in row.cells:
                    if id(c._tc) in seen: continue
                    seen.add(id(c._tc))
                    for p in c.paragraphs: out.append(p.text)
                    walk_tables(c.tables)
    body = d.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    for el in body.iterchildren():
        if el.tag == qn("w:p"): out.append(Paragraph(el, d).text)
        elif el.tag == qn("w:tbl"): walk_tables([Table(el, d)])
    for s in d.sections:
        for p in s.header.paragraphs + s.footer.paragraphs: out.append(p.text)
    return "\n".join(out)

def pdf_text(path, drop=()):
    t = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    lines = [l for l in t.replace("\f", "\n").split("\n") if not any(d in l for d in drop)]
    t = "\n".join(lines)
    t = re.sub(r"-\s*\n\s*", "-", t)
    return t

def to_pdf(docx_path):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", OUT, docx_path], check=True, capture_output=True)

def html_text(path):
    s = open(path, encoding="utf-8").read()
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", s)
    s = re.sub(r"(?s)<!--.*?-->", " ", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return H.unescape(s)

def check(fname, text):
    gp = os.path.join(OUT, fname.rsplit(".", 1)[0] + ".gold.json")
    d = json.load(open(gp)); assert list(d["subpoints"]) == IDS and d["document"] == fname
    nt = norm(text); bad = 0
    for i, v in d["subpoints"].items():
        assert v["covered"] == bool(v["evidence"])
        for e in v["evidence"]:
            if norm(e) not in nt: print("MISSING", fname, i, e[:80]); bad += 1
    n = sum(v["covered"] for v in d["subpoints"].values())
    print(fname, "covered", n, "words", len(nt.split()), "bad", bad)
    return n

def e(s): return H.escape(s, quote=False)
def inline_html(s):
    s = e(s)
    return re.sub(r"\*\*(.*?)\*\*", r"<strong>\1</strong>", s)
def blocks_html(blocks, g):
    out = []
    for b in blocks:
        k = b[0]
        if k in ("h1", "h2", "h3", "h4"):
            t = g.strip(b[1]); sid = re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")[:40]
            out.append(f'<{k} id="{sid}">{inline_html(t)}</{k}>')
        elif k == "p": out.append(f"<p>{inline_html(g.strip(b[1]))}</p>")
        elif k == "raw": out.append(b[1])
        elif k in ("bullet", "num"):
            tag = "ul" if k == "bullet" else "ol"
            out.append(f"<{tag}>\n" + "\n".join(f"  <li>{inline_html(g.strip(i))}</li>" for i in b[1]) + f"\n</{tag}>")
        elif k == "dl":
            out.append('<details class="faq">' "\n".join(f"<summary>{inline_html(g.strip(q))}</summary><div><p>{inline_html(g.strip(a))}</p></div>" for q, a in b[1]) + "</details>")
        elif k == "faq":
            for q, a in b[1]:
                out.append(f'<details class="gc-accordion">\n  <summary><h3>{inline_html(g.strip(q))}</h3></summary>\n  <div class="gc-accordion-body"><p>{inline_html(g.strip(a))}</p></div>\n</details>')
        elif k == "table":
            rows = b[1]
            h = "<table class=\"table\">\n<thead><tr>" + "".join(f"<th>{inline_html(g.strip(c))}</th>" for c in rows[0]) + "</tr></thead>\n<tbody>\n"
            for r in rows[1:]: h += "<tr>" + "".join(f"<td>{inline_html(g.strip(c))}</td>" for c in r) + "</tr>\n"
            out.append(h + "</tbody></table>")
        else: raise ValueError(k)
    return "\n".join(out)
