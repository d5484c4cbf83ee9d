import json, re, sys, html, subprocess, glob, os
from docx import Document
sys.path.insert(0, '/tmp/blinde')
from lib import IDS
OUT = '/work/blind/e'
def norm(s):
    s = s.replace('\u00ad', '')
    return re.sub(r'\s+', ' ', s).strip()
def docx_text(p):
    d = Document(p); parts = []
    for s in d.sections:
        parts += [x.text for x in s.header.paragraphs] + [x.text for x in s.footer.paragraphs]
    body = d.element.body
    for el in body.iter():
        if el.tag.endswith('}p'):
            parts.append(''.join(t.text or '' for t in el.iter() if t.tag.endswith('}t')))
    return '\n'.join(parts)
def pdf_text(p, drop):
    t = subprocess.run(['pdftotext', '-layout', p, '-'], capture_output=True, text=True).stdout
    lines = [l for l in t.replace('\f', '\n').split('\n') if not any(re.search(x, l) for x in drop)]
    t = '\n'.join(lines)
    return t
DROP = [r'^\s*Ridgeway County Administrative Policy IT-104\s*$', r'IT-104 Acceptable Use of Technology Resources\s+Page \d+ of \d+',
        r'^\s*OPR Directive 2210\.4', r'Unclassified.*Page \d+ of \d+', r'Page \d+ of \d+\s*$']
bad = 0
for gp in sorted(glob.glob(OUT + '/*.gold.json')):
    gd = json.load(open(gp)); doc = os.path.join(OUT, gd['document'])
    assert os.path.exists(doc), doc
    assert list(gd['subpoints']) == IDS, gp
    ext = doc.rsplit('.', 1)[1]
    if ext == 'docx': t = docx_text(doc)
    elif ext == 'pdf': t = pdf_text(doc, DROP)
    elif ext == 'html':
        t = open(doc).read()
        t = re.sub(r'<(script|style)\b.*?</\1>', ' ', t, flags=re.S)
        t = html.unescape(re.sub(r'<[^>]+>', ' ', t))
    else: t = open(doc).read()
    variants = [norm(t), norm(re.sub(r'-\s*\n\s*', '-', t)), norm(re.sub(r'-\s*\n\s*', '', t))]
    n = 0
    for i, v in gd['subpoints'].items():
        assert v['covered'] == bool(v['evidence'])
        n += v['covered']
        for e in v['evidence']:
            ee = norm(e)
            if not any(ee in x for x in variants):
                bad += 1; print('MISSING', gd['document'], i, ee[:100])
    words = len(norm(t).split())
    print(f"{gd['document']}: covered {n}/38, ~{words} words")
print('problems:', bad)
