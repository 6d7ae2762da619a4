import json
L={json.loads(l)['tag']:json.loads(l) for l in open('/tmp/load30/plus.log')}
B={}
for f in ('/tmp/load30/baseM.log','/tmp/load30/baseX.log'):
    d=json.loads(open(f).read().strip().splitlines()[-1]); B[d['tag']]=d
cols=[t for t in ['M7749:plusonly:r1','X7749:plusonly:r1','M7749:plusonly:r2','X7749:plusonly:r2','M7749:full:f1','X7749:full:f1'] if t in L]
name={'M7749:plusonly:r1':'main r1','X7749:plusonly:r1':'load30 r1','M7749:plusonly:r2':'main r2','X7749:plusonly:r2':'load30 r2','M7749:full:f1':'main, full=True','X7749:full:f1':'load30, full=True'}
print('| 7,739 + 10 documents, CPU s | '+' | '.join(name[c] for c in cols)+' |')
print('|---|'+'---:|'*len(cols))
steps=['resolve','event mentions','stories','relations','fingerprints','carry over','reconcile','itineraries','commit']
for s in steps:
    b='**' if s=='reconcile' else ''
    print(f'| {b}{s}{b} | '+' | '.join(f"{b}{L[c]['cpu'][s]:.2f}{b}" for c in cols)+' |')
print('| **whole stage** | '+' | '.join(f"**{L[c]['cpu_total']:.2f}**" for c in cols)+' |')
print('| pairs scored / read back | '+' | '.join((f"{L[c]['pairs_scored']:,} / {L[c]['pairs_read_back']:,}" if 'pairs_scored' in L[c] else f"{L[c.replace('M','X',1)]['pairs_scored']+L[c.replace('M','X',1)]['pairs_read_back']:,} / –") for c in cols)+' |')
print('| parts reconciled (clusters read back) | '+' | '.join(f"{L[c]['parts_reconciled']} ({L[c]['pair_parts_read_back']})" for c in cols)+' |')
print('| load average before → after | '+' | '.join(f"{L[c]['load'][0].split()[0]} → {L[c]['load'][1].split()[0]}" for c in cols)+' |')
print('| events digest | '+' | '.join(f"`{L[c]['digest']['events']}`" for c in cols)+' |')
print()
print('Bases from scratch on 7,739: main %.2f s (reconcile %.2f), load30 %.2f s (reconcile %.2f).'%(B['M7749:base']['cpu_total'],B['M7749:base']['cpu']['reconcile'],B['X7749:base']['cpu_total'],B['X7749:base']['cpu']['reconcile']))
