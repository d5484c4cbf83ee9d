import re, json, os
from docx import Document
from docx.shared import Pt, Cm
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
from docx.enum.text import WD_ALIGN_PARAGRAPH

OUT = '/work/blind/e'
IDS = ['GL101','GL102','GL103','GL201','GL202','GL203','GL204','GL301','GL302','GL303',
       'GL401','GL402','GL403','GL404','GL405','GL501','GL502','GL503','GL504',
       'GL601','GL602','GL603','GL604','GL701','GL702','GL703','GL704','GL705','GL706','GL707',
       'GL801','GL802','GL803','GL804','GL901','GL902','GL903','GL904']
MARK = re.compile(r'\[\[([A-Z0-9 ,]+)\|(.*?)\]\]', re.S)

class Gold:
    def __init__(self):
        self.ev = {i: [] for i in IDS}
    def s(self, text):
        def rep(m):
            ids = m.group(1).replace(',', ' ').split()
            for i in ids:
                assert i in self.ev, i
                if m.group(2) not in self.ev[i]:
                    self.ev[i].append(m.group(2))
            return m.group(2)
        out = MARK.sub(rep, text)
        assert '[[' not in out and ']]' not in out, out[:200]
        return out
    def write(self, docname):
        base = docname.rsplit('.', 1)[0]
        d = {"document": docname, "annotator": "written blind to gaplint; labels by the author",
             "subpoints": {i: {"covered": bool(self.ev[i]), "evidence": self.ev[i]} for i in IDS}}
        with open(os.path.join(OUT, base + '.gold.json'), 'w') as f:
            json.dump(d, f, indent=2, ensure_ascii=False)
        print(docname, 'covered', sum(1 for i in IDS if self.ev[i]))

def add_field(run, instr):
    f1 = OxmlElement('w:fldChar'); f1.set(qn('w:fldCharType'), 'begin')
    it = OxmlElement('w:instrText'); it.set(qn('xml:space'), 'preserve'); it.text = instr
    f2 = OxmlElement('w:fldChar'); f2.set(qn('w:fldCharType'), 'separate')
    t = OxmlElement('w:t'); t.text = '1'
    f3 = OxmlElement('w:fldChar'); f3.set(qn('w:fldCharType'), 'end')
    for e in (f1, it, f2, t, f3):
        run._r.append(e)

class D:
    def __init__(self, g, font='Calibri', size=11):
        self.g = g
        self.doc = Document()
        st = self.doc.styles['Normal']; st.font.name = font; st.font.size = Pt(size)
        sec = self.doc.sections[0]
        sec.left_margin = sec.right_margin = Cm(2.3)
    def header(self, text):
        hp = self.doc.sections[0].header.paragraphs[0]
        hp.text = self.g.s(text); hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r in hp.runs: r.font.size = Pt(8)
    def footer(self, left):
        fp = self.doc.sections[0].footer.paragraphs[0]
        r = fp.add_run(self.g.s(left) + '    Page '); r.font.size = Pt(8)
        r2 = fp.add_run(); r2.font.size = Pt(8); add_field(r2, 'PAGE')
        r3 = fp.add_run(' of '); r3.font.size = Pt(8)
        r4 = fp.add_run(); r4.font.size = Pt(8); add_field(r4, 'NUMPAGES')
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    def title(self, text):
        return self.doc.add_heading(self.g.s(text), level=0)
    def h(self, text, level=1):
        return self.doc.add_heading(self.g.s(text), level=level)
    def p(self, text, style=None, bold_lead=None, size=None, italic=False):
        para = self.doc.add_paragraph(style=style)
        if bold_lead:
            r = para.add_run(self.g.s(bold_lead)); r.bold = True
        r = para.add_run(self.g.s(text)); r.italic = italic
        if size: r.font.size = Pt(size)
        return para
    def ps(self, block):
        for line in [l.strip() for l in block.strip().split('\n\n')]:
            self.p(' '.join(line.split()))
    def bullets(self, items, style='List Bullet'):
        for it in items: self.doc.add_paragraph(self.g.s(it), style=style)
    def numbered(self, items):
        self.bullets(items, 'List Number')
    def table(self, rows, style='Table Grid', bold_first=True, widths=None):
        t = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = style
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                c = t.cell(i, j); c.text = self.g.s(cell)
                if bold_first and (i == 0):
                    for r in c.paragraphs[0].runs: r.bold = True
                if widths: c.width = Cm(widths[j])
        self.doc.add_paragraph()
        return t
    def note(self, text):
        para = self.doc.add_paragraph()
        r = para.add_run(self.g.s(text)); r.font.size = Pt(8)
        return para
    def sup(self, para, s):
        r = para.add_run(s); r.font.superscript = True
    def save(self, path):
        self.doc.save(path)
