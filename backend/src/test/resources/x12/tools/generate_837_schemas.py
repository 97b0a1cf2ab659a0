#!/usr/bin/env python3
"""Generates the StAEDI schemas under backend/src/main/resources/x12/ (837-005010-standard.xml,
837P-005010X222A1.xml, 837I-005010X223A2.xml). The XML is what the application loads and what reviewers read;
this script is how it was produced, so a change to a loop or code list can be made once here and regenerated
(python3 generate_837_schemas.py from any directory), or made by hand in the XML. See
docs/x12-implementation-schemas.md for what the schemas cover."""
import os

# ---- X12 005010 data elements: number -> (base, min length, max length)
E = {
 '19':('string',2,30),'26':('string',2,3),'66':('string',1,2),'67':('string',2,80),'81':('decimal',1,10),
 '93':('string',1,60),'98':('string',2,3),'116':('string',3,15),'127':('string',1,50),'128':('string',2,3),
 '156':('string',2,2),'166':('string',1,55),'234':('string',1,48),'235':('string',2,2),'309':('string',1,2),
 '310':('string',1,30),'332':('decimal',1,6),'337':('time',4,8),'338':('decimal',1,6),'352':('string',1,80),
 '353':('string',2,2),'355':('string',2,2),'363':('string',3,3),'364':('string',1,256),'365':('string',2,2),
 '366':('string',2,2),'373':('date',8,8),'374':('string',3,3),'380':('decimal',1,15),'443':('string',1,20),
 '478':('string',1,1),'522':('string',1,3),'554':('numeric',1,6),'584':('string',1,2),'628':('string',1,12),
 '640':('string',2,2),'659':('string',1,2),'673':('string',2,2),'706':('string',2,2),'734':('string',1,12),
 '735':('string',1,2),'736':('string',1,1),'739':('decimal',1,8),'740':('decimal',1,15),'741':('decimal',1,15),
 '755':('string',2,2),'756':('string',1,2),'757':('numeric',1,2),'782':('decimal',1,18),'799':('string',1,30),
 '954':('decimal',1,10),'1005':('string',4,4),'1028':('string',1,38),'1029':('string',1,2),
 '1032':('string',1,2),'1033':('string',1,2),'1034':('string',1,5),'1035':('string',1,60),'1036':('string',1,35),
 '1037':('string',1,25),'1038':('string',1,10),'1039':('string',1,10),'1065':('string',1,1),'1067':('string',1,1),
 '1068':('string',1,1),'1069':('string',2,2),'1073':('string',1,1),'1109':('string',1,1),'1138':('string',1,1),
 '1143':('string',1,1),'1166':('string',2,2),'1204':('string',1,1),'1220':('string',1,1),'1221':('string',1,3),
 '1222':('string',2,3),'1223':('string',2,3),'1250':('string',2,3),'1251':('string',1,35),'1270':('string',1,3),
 '1271':('string',1,30),'1314':('string',1,1),'1315':('string',1,1),'1316':('string',1,1),'1317':('string',1,2),
 '1321':('string',1,2),'1322':('string',1,2),'1325':('string',1,1),'1327':('string',1,1),'1328':('numeric',1,2),
 '1331':('string',1,2),'1332':('string',1,2),'1336':('string',1,3),'1337':('string',1,1),'1338':('string',1,1),
 '1339':('string',2,2),'1341':('string',1,1),'1343':('string',1,1),'1345':('string',1,1),'1351':('string',1,1),
 '1352':('string',1,2),'1358':('string',1,1),'1359':('string',1,1),'1360':('string',1,3),'1362':('string',2,3),
 '1363':('string',1,1),'1364':('string',1,1),'1365':('string',1,2),'1366':('string',2,2),'1368':('string',1,1),
 '1369':('string',1,1),'1371':('decimal',1,10),'1373':('string',1,2),'1382':('string',1,2),'1383':('string',1,2),
 '1384':('string',1,2),'1470':('numeric',1,9),'1473':('string',1,2),'1514':('string',1,2),'1525':('string',1,1),
 '1715':('string',1,3),'350':('string',1,20),'212':('decimal',1,17),'648':('string',3,3),
 '649':('decimal',1,10),'0':('string',1,80),
 '688':('string',1,2),'236':('string',3,3),'638':('string',1,2),'1104':('string',1,1),
 '1147':('string',1,1),'1148':('string',1,1),'1149':('decimal',1,10),'1150':('string',1,1),
 '1154':('string',1,3),'1155':('string',1,3),'1157':('string',1,1),'1210':('string',1,1),
 '1401':('string',1,1),'1402':('string',1,2),'1393':('string',1,2),'1394':('string',1,3),
 '1395':('string',2,3),'1396':('string',1,1),'1397':('string',1,3),'1398':('string',1,2),
 '1399':('string',1,15),'2':('numeric',1,6),
 
 '738':('string',1,3),'935':('string',1,2),'936':('string',1,2),'752':('string',1,2),'1000':('decimal',1,20),
 '616':('string',1,2),'923':('string',1,3),'615':('numeric',1,3),'614':('numeric',1,3),'678':('string',1,2),
 '679':('string',1,2),'1075':('string',1,2),'687':('string',1,2),
 '349':('string',1,1),'1135':('string',1,1),'1136':('string',1,2),'1211':('string',1,1),
 '1141':('string',1,1),'1175':('string',1,1),'1101':('string',1,1),'1102':('string',1,2),'1103':('string',1,1),
}

# ---- standard segment and composite definitions
# composites: name -> list of element tokens
C = {
 'C003': ['235!','234!','1339','1339','1339','1339','352','234'],
 'C004': ['1328!','1328','1328','1328'],
 'C022': ['1270!','1271!','1250','1251','782','380','799','1271','1073'],
 'C023': ['1331!','1332','1325'],
 'C024': ['1362!','1362','1362','1362','1362','156','26'],
 'C035': ['44','1223'],  # unused detail
 'C040': ['128!','127!','128','127','128','127'],
 'C056': ['1109','1270','1271'],
 'C001': ['355!'] + ['1018','649']*7,
 'C002': ['704!','704','704','704','704'],
 'X': ['ANY']*15,
}
E.update({'44':('string',1,3),'1018':('decimal',1,15),'704':('string',1,2),'ANY':('string',1,264)})
# segments: tag -> tokens; '!' = mandatory in the X12 standard; 'C:xxx' composite; '*n' = n generic composites
S = {
 'BHT': ['1005!','353!','127','373','337','640'],
 'NM1': ['98!','1065!','1035','1036','1037','1038','1039','66','67','706','98','1035'],
 'N2':  ['93!','93'],
 'N3':  ['166!','166'],
 'N4':  ['19','156','116','26','309','310','1715'],
 'REF': ['128!','127','352','C:C040'],
 'PER': ['366!','93','365','364','365','364','365','364','443'],
 'HL':  ['628!','734','735!','736'],
 'PRV': ['1221!','128','127','156','C:C035','1223'],
 'CUR': ['98!','100!'] + ['*19'],
 'SBR': ['1138!','1069','127','93','1336','1143','1073','584','1032'],
 'PAT': ['1069','1384','584','1220','1250','1251','355','81','1073'],
 'DMG': ['1250','1251','1068','1067','C:C056','1109','26','659','380','1270','1271'],
 'CLM': ['1028!','782','1032','1343','C:C023','1073','1359','1073','1363','1351','C:C024','1366','1073','1338',
         '1073','1360','1029','1073','1383','1514'],
 'DTP': ['374!','1250!','1251!'],
 'CL1': ['1315','1314','1352','1345'],
 'PWK': ['755!','756','757','98','66','67','352','C:C002','1525'],
 'CN1': ['1166!','782','332','127','338','799'],
 'AMT': ['522!','782!','478'],
 'K3':  ['449!','1333','C:C001'],
 'NTE': ['363','352!'],
 'CR1': ['355','81','1167','1154','355','380','166','166','352','352'],
 'CR2': ['609','380','380','355','355','380','380','1367','1073','352','352','1073'],
 'CR3': ['1322','355','380','1335','352'],
 'CRC': ['1136!','1073!','1321!','1321','1321','1321','1321'],
 'HI':  ['C:C022!'] + ['C:C022']*11,
 'HCP': ['1473!','782','782','127','118','127','234','355','380','901','1526','1527','1527','1527','1527'],
 'LX':  ['554!'],
 'SV1': ['C:C003!','782','355','380','1331','1365','C:C004','782','1073','1073','1073','1073','1364','1341','1327',
         '1334','1337','1360','1073','1337','1384'],
 'SV2': ['234','C:C003','782','355','380','1371','782','1073','1345','1337'],
 'SV5': ['C:C003!','355!','380!','782','782','594','923'],
 'CR5': ['1073'] + ['*17'],
 'QTY': ['673!','380','C:C001','61'],
 'MEA': ['737','738','739','C:C001','740','741','935','936','752','1373','1270','1271'],
 'PS1': ['127!','782!','156'],
 'LIN': ['350','235!','234!'] + ['*28'],
 'CTP': ['687','236','212','380','C:C001','648','649','639','499','289','E'],
 'SVD': ['67!','782!','C:C003','234','380','554'],
 'CAS': ['1033!','1034!','782!','380','1034','782','380','1034','782','380','1034','782','380','1034','782','380',
         '1034','782','380'],
 'OI':  ['1032','1383','1073','1351','1360','1363'],
 'MIA': ['380!'] + ['*23'],
 'MOA': ['954'] + ['*8'],
 'LQ':  ['1270','1271'],
 'FRM': ['350!','1073','127','373','332'],
}
for tag in ['CR4', 'CR6','CR7','CR8','DN1','DN2','DSB','UR','HSD','IMM','SV3','SV4','SV6','SV7','TOO']:
    S[tag] = ['*20']
E.update({'100':('string',3,3),'449':('string',1,80),'1333':('string',1,2),'1167':('string',1,2),'609':('numeric',1,9),
 '1367':('string',1,2),'1335':('string',1,2),'1136':('string',2,2),'118':('decimal',1,9),'901':('string',1,2),
 '1526':('string',1,2),'1527':('string',1,2),'1334':('string',1,2),'594':('string',1,1),'61':('string',1,30),
 '737':('string',2,2),'639':('string',2,2),'499':('string',1,10),'289':('decimal',1,2),'E':('string',1,264)})

def etype(num):
    return 'E' + num

def emit_types(out):
    used_e = set(); used_c = set()
    for tag, toks in S.items():
        for t in toks:
            if t.startswith('C:'): used_c.add(t[2:].rstrip('!'))
            elif t.startswith('*'): used_c.add('X')
            else: used_e.add(t.rstrip('!'))
    for c in list(used_c):
        for t in C[c]: used_e.add(t.rstrip('!'))
    for num in sorted(used_e, key=lambda x: (len(x), x)):
        base, mn, mx = E[num]
        extra = f' minLength="{mn}" maxLength="{mx}"'
        nattr = f' number="{num}"' if num.isdigit() else ''
        out.append(f'  <elementType name="{etype(num)}"{nattr} base="{base}"{extra}/>')
    for c in sorted(used_c):
        out.append(f'  <compositeType name="{c}">')
        out.append('    <sequence>')
        for t in C[c]:
            req = ' minOccurs="1"' if t.endswith('!') else ''
            out.append(f'      <element type="{etype(t.rstrip("!"))}"{req}/>')
        out.append('    </sequence>')
        out.append('  </compositeType>')
    for tag in sorted(S):
        out.append(f'  <segmentType name="{tag}">')
        out.append('    <sequence>')
        for t in S[tag]:
            req = ' minOccurs="1"' if t.endswith('!') else ''
            t = t.rstrip('!')
            if t.startswith('C:'):
                out.append(f'      <composite type="{t[2:]}"{req}/>')
            elif t.startswith('*'):
                for _ in range(int(t[1:])):
                    out.append('      <composite type="X"/>')
            else:
                out.append(f'      <element type="{etype(t)}"{req}/>')
        out.append('    </sequence>')
        out.append('  </segmentType>')

# ---- implementation DSL
class Seg:
    def __init__(self, tag, mn=0, mx=1, disc=None, els=None, title=None):
        self.tag, self.mn, self.mx, self.disc, self.els, self.title = tag, mn, mx, disc, els, title
class Loop:
    def __init__(self, code, typ, mn, mx, disc, children, title=None):
        self.code, self.typ, self.mn, self.mx, self.disc, self.children, self.title = code, typ, mn, mx, disc, children, title

def el(pos, req=False, enum=None):
    return ('E', pos, req, enum)
def comp(pos, req, comps):
    return ('C', pos, req, comps)

def esc(s):
    return s.replace('&','&amp;').replace('"','&quot;')

def emit_el(out, e, ind):
    kind, pos, req, rest = e
    r = ' minOccurs="1"' if req else ''
    if kind == 'E':
        if rest:
            out.append(f'{ind}<element position="{pos}"{r}>')
            out.append(f'{ind}  <enumeration>' + ''.join(f'<value>{v}</value>' for v in rest) + '</enumeration>')
            out.append(f'{ind}</element>')
        else:
            out.append(f'{ind}<element position="{pos}"{r}/>')
    else:
        out.append(f'{ind}<composite position="{pos}"{r}>')
        out.append(f'{ind}  <sequence>')
        for c in rest:
            emit_el(out, c, ind + '    ')
        out.append(f'{ind}  </sequence>')
        out.append(f'{ind}</composite>')

def emit(out, node, ind):
    if isinstance(node, Seg):
        a = f' minOccurs="{node.mn}" maxOccurs="{node.mx}"'
        if node.disc: a += f' discriminator="{node.disc}"'
        if node.title: a += f' title="{esc(node.title)}"'
        if node.els is None:
            out.append(f'{ind}<segment type="{node.tag}"{a}/>')
        else:
            out.append(f'{ind}<segment type="{node.tag}"{a}>')
            out.append(f'{ind}  <sequence>')
            for e in node.els:
                emit_el(out, e, ind + '    ')
            out.append(f'{ind}  </sequence>')
            out.append(f'{ind}</segment>')
    else:
        a = f' code="{node.code}" type="{node.typ}" minOccurs="{node.mn}" maxOccurs="{node.mx}"'
        if node.disc: a += f' discriminator="{node.disc}"'
        if node.title: a += f' title="{esc(node.title)}"'
        out.append(f'{ind}<loop{a}>')
        out.append(f'{ind}  <sequence>')
        for c in node.children:
            emit(out, c, ind + '    ')
        out.append(f'{ind}  </sequence>')
        out.append(f'{ind}</loop>')

# ---- standard transaction and shared guide loops

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'main', 'resources', 'x12') + os.sep
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

# ---------------------------------------------------------------- standard 837 (X12 005010, not a guide)
def std(tag, mx=1, mn=0):
    return Seg(tag, mn, mx)
standard = [
    std('BHT', 1, 1), std('REF', 3),
    Loop('L1000', None, 0, 10, None, [std('NM1'), std('N2', 2), std('N3', 2), std('N4'), std('REF', 2), std('PER', 2)]),
    Loop('L2000', None, 1, 99999, None, [
        std('HL', 1, 1), std('PRV'), std('SBR'), std('PAT'), std('DTP', 5), std('CUR'),
        Loop('L2010', None, 0, 10, None, [std('NM1'), std('N2', 2), std('N3', 2), std('N4'), std('DMG'), std('REF', 20),
                                          std('PER', 2)]),
        Loop('L2300', None, 0, 100, None, [
            std('CLM', 1, 1), std('DTP', 150), std('CL1'), std('DN1'), std('DN2', 35), std('PWK', 10), std('CN1'), std('DSB'),
            std('UR'), std('AMT', 40), std('REF', 30), std('K3', 10), std('NTE', 20), std('CR1'), std('CR2'), std('CR3'),
            std('CR4', 3), std('CR5'), std('CR6'), std('CR8', 9), std('CRC', 100), std('HI', 25), std('QTY', 10), std('HCP'),
            Loop('L2305', None, 0, 6, None, [std('CR7', 1, 1), std('HSD', 12)]),
            Loop('L2310', None, 0, 9, None, [std('NM1', 1, 1), std('PRV'), std('N2', 2), std('N3', 2), std('N4'), std('REF', 20),
                                             std('PER', 2)]),
            Loop('L2320', None, 0, 10, None, [
                std('SBR', 1, 1), std('CAS', 99), std('AMT', 15), std('DMG'), std('OI'), std('MIA'), std('MOA'),
                Loop('L2330', None, 0, 10, None, [std('NM1', 1, 1), std('N2', 2), std('N3', 2), std('N4'), std('PER', 2),
                                                  std('DTP', 9), std('REF', 99999)])]),
            Loop('L2400', None, 0, 99999, None, [
                std('LX', 1, 1), std('SV1'), std('SV2'), std('SV3'), std('TOO', 32), std('SV4'), std('SV5'), std('SV6'), std('SV7'),
                std('HI', 25), std('PWK', 10), std('CR1'), std('CR2', 5), std('CR3'), std('CR4', 3), std('CR5'), std('CRC', 3),
                std('DTP', 15), std('QTY', 5), std('MEA', 20), std('CN1'), std('REF', 30), std('AMT', 15), std('K3', 10),
                std('NTE', 10), std('PS1'), std('IMM', 99999), std('HSD'), std('HCP'),
                Loop('L2410', None, 0, 99999, None, [std('LIN', 1, 1), std('CTP'), std('REF')]),
                Loop('L2420', None, 0, 10, None, [std('NM1', 1, 1), std('PRV'), std('N2', 2), std('N3', 2), std('N4'),
                                                  std('REF', 20), std('PER', 2)]),
                Loop('L2430', None, 0, 99999, None, [std('SVD', 1, 1), std('CAS', 99), std('DTP', 9), std('AMT', 20)]),
                Loop('L2440', None, 0, 99999, None, [std('LQ', 1, 1), std('FRM', 99, 1)]),
            ]),
        ]),
    ]),
]

def emit_standard(out, node, ind):
    if isinstance(node, Seg):
        a = (f' minOccurs="{node.mn}"' if node.mn else '') + (f' maxOccurs="{node.mx}"' if node.mx != 1 else '')
        out.append(f'{ind}<segment type="{node.tag}"{a}/>')
    else:
        a = (f' minOccurs="{node.mn}"' if node.mn else '') + f' maxOccurs="{node.mx}"'
        out.append(f'{ind}<loop code="{node.code}"{a}>')
        out.append(f'{ind}  <sequence>')
        for c in node.children:
            emit_standard(out, c, ind + '    ')
        out.append(f'{ind}  </sequence>')
        out.append(f'{ind}</loop>')

o = [HEAD, '<!--',
     '  The X12 005010 837 transaction set as the standard defines it (not an implementation guide): every segment',
     '  and loop any 837 guide may use, in standard order, with element sizes and the elements the standard itself',
     '  requires. Written for Relay RCM; the guide rules live in 837P-005010X222A1.xml and 837I-005010X223A2.xml,',
     '  which include this file. Loop codes here are the standard positions (L2000 = every HL level).',
     '  See docs/x12-implementation-schemas.md.',
     '-->',
     '<schema xmlns="http://xlate.io/EDISchema/v4">', '  <transaction>', '    <sequence>']
for n in standard:
    emit_standard(o, n, '      ')
o += ['    </sequence>', '  </transaction>', '']
emit_types(o)
o.append('</schema>')
open(OUT + '837-005010-standard.xml', 'w').write('\n'.join(o) + '\n')

# ---------------------------------------------------------------- shared guide pieces
def nm1(code, ent_types, name_req, quals, id_req, extra=(4, 5, 7), title=None):
    els = [el(1, True, [code] if isinstance(code, str) else code), el(2, True, ent_types), el(3, name_req)]
    els += [el(p) for p in extra]
    els += [el(8, id_req, quals), el(9, id_req)]
    return Seg('NM1', 1, 1, None, els, title)

N3 = lambda mn=1: Seg('N3', mn, 1, None, [el(1, True), el(2)])
N4 = lambda mn=1: Seg('N4', mn, 1, None, [el(1, True), el(2), el(3), el(4), el(7)])
PER = lambda mx=1: Seg('PER', 0, mx, None, [el(1, True, ['IC']), el(2), el(3, True, ['EM', 'FX', 'TE']), el(4, True),
                                           el(5, False, ['EM', 'EX', 'FX', 'TE']), el(6),
                                           el(7, False, ['EM', 'EX', 'FX', 'TE']), el(8)])
REF = lambda codes, mn=0, mx=1: Seg('REF', mn, mx, None, [el(1, True, codes), el(2, True), el(3), comp(4, False, [el(1), el(2), el(3), el(4), el(5), el(6)])])
DMG = lambda mn=0: Seg('DMG', mn, 1, None, [el(1, True, ['D8']), el(2, True), el(3, True, ['F', 'M', 'U'])])
PRV = lambda codes, mn=0: Seg('PRV', mn, 1, None, [el(1, True, codes), el(2, True, ['PXC']), el(3, True)])
DTP = lambda codes, mn=0, mx=1: Seg('DTP', mn, mx, None, [el(1, True, codes), el(2, True, ['D8', 'RD8', 'DT']),
                                                         el(3, True)])
FILING = ['11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC',
          'OF', 'TV', 'VA', 'WC', 'ZZ']
SBR_PAYER = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'P', 'S', 'T', 'U']
REL = ['01', '18', '19', '20', '21', '39', '40', '53', 'G8']

def header():
    return [
        Seg('BHT', 1, 1, None, [el(1, True, ['0019']), el(2, True, ['00', '18']), el(3, True), el(4, True),
                                el(5, True), el(6, True, ['31', 'CH', 'RP'])], 'Beginning of Hierarchical Transaction'),
        Loop('1000A', 'L1000', 1, 1, '1', [nm1('41', ['1', '2'], True, ['46'], True, title='Submitter Name'),
                                           PER(2)], 'Submitter Name'),
        Loop('1000B', 'L1000', 1, 1, '1', [nm1('40', ['2'], True, ['46'], True, extra=(), title='Receiver Name')],
             'Receiver Name'),
    ]

def billing_loops(prv_min):
    return [
        Seg('HL', 1, 1, None, [el(1, True), el(3, True, ['20']), el(4, True, ['1'])], 'Billing Provider Hierarchical Level'),
        PRV(['BI'], prv_min), Seg('CUR', 0, 1),
        Loop('2010AA', 'L2010', 1, 1, '1', [nm1('85', ['1', '2'], True, ['XX'], True, title='Billing Provider Name'),
                                            N3(), N4(), REF(['EI', 'SY', '0B', '1G', 'G2', 'LU'], 1, 3), PER(2)],
             'Billing Provider Name'),
        Loop('2010AB', 'L2010', 0, 1, '1', [nm1('87', ['1', '2'], False, None, False, extra=()), N3(), N4()],
             'Pay-to Address Name'),
        Loop('2010AC', 'L2010', 0, 1, '1', [nm1('PE', ['2'], True, ['PI', 'XV'], True, extra=()), N3(0), N4(0),
                                            REF(['2U', 'FY', 'NF', 'EI', 'TJ'], 0, 2)], 'Pay-To Plan Name'),
    ]

def payer_loop(code):
    return Loop(code, 'L2010', 1 if code == '2010BB' else 0, 1, '1',
                [nm1('PR', ['2'], True, ['PI', 'XV'], True, extra=(), title='Payer Name'), N3(0), N4(0),
                 REF(['2U', 'EI', 'FY', 'NF', 'G2', 'LU'], 0, 3)], 'Payer Name')

def subscriber_loops(pat):
    return [
        Seg('HL', 1, 1, None, [el(1, True), el(2, True), el(3, True, ['22']), el(4, True, ['0', '1'])],
            'Subscriber Hierarchical Level'),
        Seg('SBR', 1, 1, None, [el(1, True, SBR_PAYER), el(2, False, ['18']), el(3), el(4),
                                el(5, False, ['12', '13', '14', '15', '16', '41', '42', '43', '47']), el(6), el(7),
                                el(8), el(9, True, FILING)], 'Subscriber Information'),
        *([Seg('PAT', 0, 1)] if pat else []),
        Loop('2010BA', 'L2010', 1, 1, '1', [nm1('IL', ['1', '2'], True, ['II', 'MI'], False, title='Subscriber Name'),
                                            N3(0), N4(0), DMG(), REF(['SY', 'Y4'], 0, 2), PER(1)], 'Subscriber Name'),
        payer_loop('2010BB'),
    ]

def patient_loops():
    return [
        Seg('HL', 1, 1, None, [el(1, True), el(2, True), el(3, True, ['23']), el(4, True, ['0'])],
            'Patient Hierarchical Level'),
        Seg('PAT', 1, 1, None, [el(1, True, REL), el(5), el(6), el(7), el(8), el(9)], 'Patient Information'),
        Loop('2010CA', 'L2010', 1, 1, '1', [nm1('QC', ['1'], True, None, False, title='Patient Name'),
                                            N3(1), N4(1), DMG(1), REF(['Y4', '1W', 'SY'], 0, 2), PER(1)],
             'Patient Name'),
    ]

def name_loop(code, typ, entity, title, prv=None, address=False, refs=None, mx=1):
    kids = [Seg('NM1', 1, 1, None, None, title)]
    kids[0] = Seg('NM1', 1, 1, None, [el(1, True, entity), el(2, True, ['1', '2']), el(3), el(4), el(5), el(7),
                                      el(8, False, ['XX', 'PI', 'XV', 'II', 'MI', '24', '34', 'SY', '46']), el(9)],
                  title)
    if prv:
        kids.append(PRV(prv))
    kids += [N3(0), N4(0)]
    if refs is not None:
        kids.append(REF(refs, 0, 20))
    kids.append(Seg('PER', 0, 2))
    return Loop(code, typ, 0, mx, '1', kids, title)

def other_subscriber(suffix, provider_entities):
    kids = [
        Seg('SBR', 1, 1, None, [el(1, True, SBR_PAYER), el(2, True, REL), el(3), el(4), el(5), el(9, False, FILING)],
            'Other Subscriber Information'),
        Seg('CAS', 0, 5, None, None, 'Claim Level Adjustments'),
        Seg('AMT', 0, 3, None, [el(1, True, ['D', 'A8', 'EAF', 'B6', 'T', 'F5', 'N', 'C5']), el(2, True)]),
        Seg('DMG', 0, 1), Seg('OI', 1, 1), Seg('MIA', 0, 1), Seg('MOA', 0, 1),
        Loop('2330A' + suffix, 'L2330', 1, 1, '1', [Seg('NM1', 1, 1, None, [el(1, True, ['IL']), el(2, True), el(3, True), el(4), el(5), el(7), el(8, True, ['II', 'MI']), el(9, True)]), N3(0), N4(0), Seg('REF', 0, 3)], 'Other Subscriber Name'),
        Loop('2330B' + suffix, 'L2330', 1, 1, '1', [Seg('NM1', 1, 1, None, [el(1, True, ['PR']), el(2, True, ['2']), el(3, True), el(8, True, ['PI', 'XV']), el(9, True)]), N3(0), N4(0), Seg('DTP', 0, 1), Seg('REF', 0, 6)], 'Other Payer Name'),
    ]
    letter = 'C'
    for entity in provider_entities:
        kids.append(Loop(f'2330{letter}{suffix}', 'L2330', 0, 1, '1',
                         [Seg('NM1', 1, 1, None, [el(1, True, entity), el(2, True), el(3), el(4), el(5), el(7), el(8), el(9)]),
                          Seg('REF', 0, 3)], 'Other Payer Provider'))
        letter = chr(ord(letter) + 1)
    return Loop('2320' + suffix, 'L2320', 0, 10, None, kids, 'Other Subscriber Information')

def write_guide(name, guide, comment, transaction):
    o = [HEAD, '<!--'] + ['  ' + line for line in comment] + ['-->',
         '<schema xmlns="http://xlate.io/EDISchema/v4">',
         '  <include schemaLocation="classpath:/x12/837-005010-standard.xml"/>',
         f'  <implementation title="{guide}">', '    <sequence>']
    for n in transaction:
        emit(o, n, '      ')
    o += ['    </sequence>', '  </implementation>', '</schema>']
    open(OUT + name, 'w').write('\n'.join(o) + '\n')

# ---- the two guides

DUP = ''  # suffix for the copy of the claim loops under the patient level, if codes must be unique

# ------------------------------------------------------------------ 837P 005010X222A1
P_DX = ['ABK', 'ABF', 'BK', 'BF', 'ABJ', 'ABN', 'BJ', 'BN', 'BP', 'BO', 'BQ', 'BR', 'APR', 'PR']
def p_claim(suffix):
    return Loop('2300' + suffix, 'L2300', 0, 100, None, [
        Seg('CLM', 1, 1, None, [el(1, True), el(2, True), comp(5, True, [el(1, True), el(2, True, ['B']), el(3, True)]),
                                el(6, True, ['N', 'Y']), el(7, True, ['A', 'B', 'C']), el(8, True, ['N', 'W', 'Y']),
                                el(9, True, ['I', 'Y']), el(10, False, ['P']), comp(11, False, [el(1, True), el(2), el(3), el(4), el(5)]),
                                el(12, False, ['02', '03', '05', '09']), el(20)], 'Claim Information'),
        Seg('DTP', 0, 20), Seg('PWK', 0, 10), Seg('CN1', 0, 1), Seg('AMT', 0, 3),
        REF(['4N', 'F5', 'EW', '9F', 'G1', 'F8', 'X4', '9A', '9C', 'LX', 'D9', '1S', 'EA', 'P4', '1J', 'G4', 'T4'], 0, 16),
        Seg('K3', 0, 10), Seg('NTE', 0, 1), Seg('CR1', 0, 1), Seg('CR2', 0, 1), Seg('CRC', 0, 8),
        Seg('HI', 1, 4, None, None, 'Health Care Diagnosis Code'), Seg('HCP', 0, 1),
        name_loop('2310A' + suffix, 'L2310', ['DN', 'P3'], 'Referring Provider Name', refs=['0B', '1G', 'G2'], mx=2),
        name_loop('2310B' + suffix, 'L2310', ['82'], 'Rendering Provider Name', prv=['PE'], refs=['0B', '1G', 'G2', 'LU']),
        name_loop('2310C' + suffix, 'L2310', ['77'], 'Service Facility Location Name', refs=['0B', 'G2', 'LU']),
        name_loop('2310D' + suffix, 'L2310', ['DQ'], 'Supervising Provider Name', refs=['0B', '1G', 'G2', 'LU']),
        name_loop('2310E' + suffix, 'L2310', ['PW'], 'Ambulance Pick-up Location'),
        name_loop('2310F' + suffix, 'L2310', ['45'], 'Ambulance Drop-off Location'),
        other_subscriber(suffix, [['DN', 'P3'], ['82'], ['77'], ['DQ'], ['85']]),
        Loop('2400' + suffix, 'L2400', 1, 50, None, [
            Seg('LX', 1, 1, None, [el(1, True)], 'Service Line Number'),
            Seg('SV1', 1, 1, None, [comp(1, True, [el(1, True, ['ER', 'HC', 'IV', 'WK']), el(2, True), el(3), el(4), el(5), el(6), el(7)]),
                                    el(2, True), el(3, True, ['MJ', 'UN']), el(4, True), el(5),
                                    comp(7, True, [el(1, True), el(2), el(3), el(4)]), el(9, False, ['Y']),
                                    el(11, False, ['Y']), el(12, False, ['Y']), el(15, False, ['0']), el(21)],
                'Professional Service'),
            Seg('SV5', 0, 1), Seg('PWK', 0, 10), Seg('CR1', 0, 1), Seg('CR3', 0, 1), Seg('CRC', 0, 3),
            Seg('DTP', 1, 10, None, [el(1, True, ['472', '471', '607', '463', '461', '304', '738', '739', '011', '455', '454', '453', '441', '296', '300', '732', '435', '096']),
                                     el(2, True, ['D8', 'RD8']), el(3, True)], 'Date'),
            Seg('QTY', 0, 2), Seg('MEA', 0, 5), Seg('CN1', 0, 1), Seg('REF', 0, 17), Seg('AMT', 0, 2),
            Seg('K3', 0, 10), Seg('NTE', 0, 2), Seg('PS1', 0, 1), Seg('HCP', 0, 1),
            Loop('2410' + suffix, 'L2410', 0, 1, None, [Seg('LIN', 1, 1), Seg('CTP', 1, 1), Seg('REF', 0, 1)], 'Drug Identification'),
            name_loop('2420A' + suffix, 'L2420', ['82'], 'Rendering Provider Name', prv=['PE'], refs=['0B', '1G', 'G2', 'LU']),
            name_loop('2420B' + suffix, 'L2420', ['QB'], 'Purchased Service Provider Name', refs=['0B', '1G', 'G2']),
            name_loop('2420C' + suffix, 'L2420', ['77'], 'Service Facility Location Name', refs=['0B', 'G2', 'LU']),
            name_loop('2420D' + suffix, 'L2420', ['DQ'], 'Supervising Provider Name', refs=['0B', '1G', 'G2', 'LU']),
            name_loop('2420E' + suffix, 'L2420', ['DK'], 'Ordering Provider Name', refs=['0B', '1G', 'G2']),
            name_loop('2420F' + suffix, 'L2420', ['DN', 'P3'], 'Referring Provider Name', refs=['0B', '1G', 'G2'], mx=2),
            name_loop('2420G' + suffix, 'L2420', ['PW'], 'Ambulance Pick-up Location'),
            name_loop('2420H' + suffix, 'L2420', ['45'], 'Ambulance Drop-off Location'),
            Loop('2430' + suffix, 'L2430', 0, 15, None, [Seg('SVD', 1, 1), Seg('CAS', 0, 5), Seg('DTP', 1, 1), Seg('AMT', 0, 1)], 'Line Adjudication Information'),
            Loop('2440' + suffix, 'L2440', 0, 99999, None, [Seg('LQ', 1, 1), Seg('FRM', 1, 99)], 'Form Identification Code'),
        ], 'Service Line Number'),
    ], 'Claim Information')

p = header() + [
    Loop('2000A', 'L2000', 1, 99999, '3', billing_loops(0), 'Billing Provider Hierarchical Level'),
    Loop('2000B', 'L2000', 1, 99999, '3', subscriber_loops(True) + [p_claim('')], 'Subscriber Hierarchical Level'),
    Loop('2000C', 'L2000', 0, 99999, '3', patient_loops() + [p_claim(DUP)], 'Patient Hierarchical Level'),
]
write_guide('837P-005010X222A1.xml', '005010X222A1', [
    '  ASC X12 837 Health Care Claim: Professional, implementation guide 005010X222A1 (also used for X222A2, whose',
    '  errata do not change what is checked here). Loops, segment repeats, required elements and code lists as',
    '  Relay RCM checks them before sending; coverage and deliberate leniencies: docs/x12-implementation-schemas.md.'], p)

# ------------------------------------------------------------------ 837I 005010X223A2
def i_claim(suffix):
    return Loop('2300' + suffix, 'L2300', 0, 100, None, [
        Seg('CLM', 1, 1, None, [el(1, True), el(2, True), comp(5, True, [el(1, True), el(2, True, ['A']), el(3, True)]),
                                el(6), el(7, True, ['A', 'B', 'C']), el(8, True, ['N', 'W', 'Y']),
                                el(9, True, ['I', 'Y']), el(20)], 'Claim Information'),
        Seg('DTP', 0, 1, '1', [el(1, True, ['096']), el(2, True, ['TM']), el(3, True)], 'Discharge Hour'),
        Seg('DTP', 1, 1, '1', [el(1, True, ['434']), el(2, True, ['RD8', 'D8']), el(3, True)], 'Statement Dates'),
        Seg('DTP', 0, 1, '1', [el(1, True, ['435']), el(2, True, ['D8', 'DT']), el(3, True)], 'Admission Date/Hour'),
        Seg('DTP', 0, 1, '1', [el(1, True, ['050']), el(2, True, ['D8']), el(3, True)], 'Repricer Received Date'),
        Seg('CL1', 0, 1, None, [el(1), el(2), el(3)], 'Institutional Claim Code'),
        Seg('PWK', 0, 10), Seg('CN1', 0, 1), Seg('AMT', 0, 1),
        REF(['4N', '9F', 'G1', 'F8', '9A', '9C', 'LX', 'D9', 'EA', 'P4', 'G4', 'T4', '1J'], 0, 12),
        Seg('K3', 0, 10), Seg('NTE', 0, 11), Seg('CR6', 0, 1), Seg('CRC', 0, 4),
        Seg('HI', 1, 25, None, None, 'Health Care Diagnosis Code'), Seg('HCP', 0, 1),
        name_loop('2310A' + suffix, 'L2310', ['71'], 'Attending Provider Name', prv=['AT'], refs=['0B', '1G', 'G2', 'LU']),
        name_loop('2310B' + suffix, 'L2310', ['72'], 'Operating Physician Name', refs=['0B', '1G', 'G2', 'LU']),
        name_loop('2310C' + suffix, 'L2310', ['ZZ'], 'Other Operating Physician Name', refs=['0B', '1G', 'G2', 'LU']),
        name_loop('2310D' + suffix, 'L2310', ['82'], 'Rendering Provider Name', refs=['0B', '1G', 'G2', 'LU']),
        name_loop('2310E' + suffix, 'L2310', ['77'], 'Service Facility Location Name', refs=['0B', 'G2', 'LU']),
        name_loop('2310F' + suffix, 'L2310', ['DN'], 'Referring Provider Name', refs=['0B', '1G', 'G2']),
        other_subscriber(suffix, [['71'], ['72'], ['ZZ'], ['77'], ['82'], ['DN'], ['85']]),
        Loop('2400' + suffix, 'L2400', 1, 999, None, [
            Seg('LX', 1, 1, None, [el(1, True)], 'Service Line Number'),
            Seg('SV2', 1, 1, None, [el(1, True), comp(2, False, [el(1, True, ['ER', 'HC', 'HP', 'IV', 'WK']), el(2, True), el(3), el(4), el(5), el(6), el(7)]),
                                    el(3, True), el(4, True, ['DA', 'UN']), el(5, True), el(7), el(9)],
                'Institutional Service Line'),
            Seg('PWK', 0, 10),
            Seg('DTP', 0, 1, None, [el(1, True, ['472']), el(2, True, ['D8', 'RD8']), el(3, True)], 'Date - Service Date'),
            Seg('REF', 0, 3), Seg('AMT', 0, 2), Seg('NTE', 0, 1), Seg('HCP', 0, 1),
            Loop('2410' + suffix, 'L2410', 0, 1, None, [Seg('LIN', 1, 1), Seg('CTP', 1, 1), Seg('REF', 0, 1)], 'Drug Identification'),
            name_loop('2420A' + suffix, 'L2420', ['72'], 'Operating Physician Name', refs=['0B', '1G', 'G2', 'LU']),
            name_loop('2420B' + suffix, 'L2420', ['ZZ'], 'Other Operating Physician Name', refs=['0B', '1G', 'G2', 'LU']),
            name_loop('2420C' + suffix, 'L2420', ['82'], 'Rendering Provider Name', refs=['0B', '1G', 'G2', 'LU']),
            name_loop('2420D' + suffix, 'L2420', ['DN'], 'Referring Provider Name', refs=['0B', '1G', 'G2']),
            Loop('2430' + suffix, 'L2430', 0, 15, None, [Seg('SVD', 1, 1), Seg('CAS', 0, 5), Seg('DTP', 1, 1), Seg('AMT', 0, 1)], 'Line Adjudication Information'),
        ], 'Service Line Number'),
    ], 'Claim Information')

i = header() + [
    Loop('2000A', 'L2000', 1, 99999, '3', billing_loops(0), 'Billing Provider Hierarchical Level'),
    Loop('2000B', 'L2000', 1, 99999, '3', subscriber_loops(False) + [i_claim('')], 'Subscriber Hierarchical Level'),
    Loop('2000C', 'L2000', 0, 99999, '3', patient_loops() + [i_claim(DUP)], 'Patient Hierarchical Level'),
]
write_guide('837I-005010X223A2.xml', '005010X223A2', [
    '  ASC X12 837 Health Care Claim: Institutional, implementation guide 005010X223A2 (also used for X223A3).',
    '  Loops, segment repeats, required elements and code lists as Relay RCM checks them before sending; coverage',
    '  and deliberate leniencies: docs/x12-implementation-schemas.md.'], i)
