"""Regenerates db/migration/common/V6_1__curated_code_seed.sql (the curated demo seed) from the official files.

Run from backend/src/main/resources/db/migration/common with the files unpacked from ../shared/data/codesets:
  python3 ../../../codesets/generate_seed.py icd10cm_order_2026.txt HCPC2020_ANWEB_w_disclaimer.txt \
      ../shared/data/codesets/cpt_numbers/procedure_codes_in_sample_x12.csv
Only for maintainers: a released migration never changes (Flyway checksums); a new seed is a new migration.
"""
import re
import sys
from collections import Counter
sql=open('V2__reference_code_seed.sql').read()
rows=re.findall(r"\('(\w+)', '(\w+)', (NULL|'(?:[^']|'')*'), (TRUE|FALSE)\)",sql)
order=[]; o={}
for l in open(sys.argv[1],encoding='latin-1'):
    c=l[6:13].strip(); o[c]=(l[14]=='1', l[77:].rstrip()); order.append(c)
cats="""E03 E11 E55 E66 E78 E87 F17 F32 F41 F90 G43 G47 G56 H10 H52 H61 H66 I10 I11 I20 I25 I48 I50 I63 I83
J00 J01 J02 J03 J06 J18 J20 J30 J40 J44 J45 K21 K29 K30 K52 K57 K58 K59 L03 L20 L30 L40 L70 L72 L82 M10 M17 M19
M25 M54 M62 M65 M75 M76 M77 M79 N18 N39 N40 R00 R03 R05 R06 R07 R10 R11 R19 R21 R25 R41 R42 R50 R51 R53 R63 R73 R79
Z00 Z01 Z11 Z12 Z13 Z20 Z23 Z30 Z68 Z71 Z72 Z76 Z79 Z86 Z87 Z96 B34 B35 B37 A09 A08 D50 D64 E05 E28 E86 E63""".split()
full={'E11','M17','I10','J45','E78','I48','N39','J06','R05','Z00','Z23'}
sel=set(r[1] for r in rows if r[0]=='ICD10CM')
n4=Counter(); n5=Counter()
for c in order:
    cat=c[:3]
    if cat not in cats: continue
    if cat in full and len(c)<=6: sel.add(c); continue
    if len(c)<=4 and n4[cat]<4: sel.add(c); n4[cat]+=1
    elif len(c)==5 and o[c][0] and n5[cat]<2: sel.add(c); n5[cat]+=1
# ankle sprain: a 7th-character example (initial encounter) for the demo
for c in order:
    if c.startswith('S934') and (len(c)<7 or c.endswith('A')) : sel.add(c)
for c in list(sel):
    for n in range(3,len(c)):
        if c[:n] in o: sel.add(c[:n])
icd=[c for c in order if c in sel]
h={}
for l in open(sys.argv[2],encoding='latin-1'):
    if len(l)<11 or not l[5:10].isdigit(): continue
    if l[10]=='3': h[l[0:5]]=[l[11:91].rstrip(), l[284:292].strip()]
    elif l[10]=='4': h[l[0:5]][0]+=' '+l[11:91].rstrip()
hsel=[r[1] for r in rows if r[0]=='HCPCS']
pref=('G000','G043','G044','J07','J10','J12','J17','J18','J20','J30','J32','J33','A455','A462','E011','E013','L18','Q203')
for c,(d,t) in h.items():
    if c.startswith(pref) and not t and c not in hsel and len(hsel)<100: hsel.append(c)
cpt=[r[1] for r in rows if r[0]=='CPT']
for l in open(sys.argv[3]):
    p=l.strip().split(',')
    if p[0]=='HC' and p[2].startswith('CPT') and p[1] not in cpt: cpt.append(p[1])
print('icd', len(icd), sum(1 for c in icd if o[c][0]), 'hcpcs', len(hsel), 'cpt', len(cpt), 'total', len(icd)+len(hsel)+len(cpt))
def q(s): return "'"+re.sub(r"\s+"," ",s).strip().replace("'","''")+"'"
hdr="INSERT INTO code_set_version (code_system, label, source_file, file_sha256, effective_from, effective_to, seed, code_count, billable_count, imported_at, imported_by)"
out=["-- Curated demo seed as versioned code sets: common ICD-10-CM FY2026 codes with their CMS titles (public domain),",
"-- HCPCS Level II 2020 codes with CMS titles (public domain) and CPT numbers only (CPT text is AMA-licensed).",
"-- Generated from the official CMS files. A seed version is used only while its system has no imported version.",
"-- It takes over every row of the V2 seed (code_set_entry), which it then drops: one source of truth.",
hdr, "VALUES ('ICD10CM', 'Relay demo seed (ICD-10-CM FY2026 titles)', 'V6_1__curated_code_seed.sql', 'seed:V6_1:ICD10CM', DATE '2015-10-01', NULL, TRUE, %d, %d, CURRENT_TIMESTAMP, 'flyway');"%(len(icd),sum(1 for c in icd if o[c][0])),
hdr, "VALUES ('HCPCS', 'Relay demo seed (HCPCS Level II 2020 titles)', 'V6_1__curated_code_seed.sql', 'seed:V6_1:HCPCS', DATE '2015-10-01', NULL, TRUE, %d, %d, CURRENT_TIMESTAMP, 'flyway');"%(len(hsel),len(hsel)),
hdr, "VALUES ('CPT', 'Relay demo seed (CPT numbers only)', 'V6_1__curated_code_seed.sql', 'seed:V6_1:CPT', DATE '2015-10-01', NULL, TRUE, %d, %d, CURRENT_TIMESTAMP, 'flyway');"%(len(cpt),len(cpt)),
]
def ins(sys,c,d,b):
    out.append("INSERT INTO code_set_code (version_id, code, description, billable) SELECT id, '%s', %s, %s FROM code_set_version WHERE file_sha256 = 'seed:V6_1:%s';"%(c,d,'TRUE' if b else 'FALSE',sys))
for c in icd: ins('ICD10CM',c,q(o[c][1]),o[c][0])
for c in hsel: ins('HCPCS',c,q(h[c][0]),True)
for c in cpt: ins('CPT',c,'NULL',True)
out.append("DROP TABLE code_set_entry;")
open('V6_1__curated_code_seed.sql','w').write("\n".join(out)+"\n")
