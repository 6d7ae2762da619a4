/* riwaya report: builds every view from a riwaya/1 export with DOM APIs and textContent only
   (article text is data, never markup). No external libraries, no network unless fed by the live API. */
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  function jsonOf(id) { var n = document.getElementById(id); try { return n ? JSON.parse(n.textContent) : null; } catch (e) { return null; } }
  var LABELS = jsonOf('riwaya-labels') || { ar: {}, en: {} };
  var BASEMAP = jsonOf('riwaya-basemap') || { countries: [] };
  var CONFIG = jsonOf('riwaya-config') || {};
  var S = { lang: CONFIG.lang || 'ar', tab: 'timeline', group: 'person', view: null, doc: null, person: null, focus: null, mapView: null, q: '' };
  var D, IDX;

  // ---------- helpers ----------
  // an event's type as a label; a plan, a denial or a hearsay says so ("العودة (خطة)")
  function T(ev) {
    var k = 'etype_' + (ev && ev.type); var l = L(k); l = l !== k ? l : ((ev && ev.type) || L('class_' + (ev && ev['class'])));
    var p = ev && ev.polarity; return p && p !== 'asserted' ? l + ' (' + L('pol_' + p) + ')' : l;
  }
  function L(k) { var t = LABELS[S.lang] || {}; return t[k] != null ? t[k] : ((LABELS.en || {})[k] != null ? LABELS.en[k] : k); }
  function arr(x) { return Array.isArray(x) ? x : []; }
  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k]; if (v == null || v === false) continue;
      if (k === 'text') n.textContent = String(v);
      else if (k === 'cls') n.className = v;
      else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, String(v));
    }
    add(n, kids); return n;
  }
  function add(n, kids) {
    if (kids == null) return n;
    if (!Array.isArray(kids)) kids = [kids];
    kids.forEach(function (c) { if (c == null || c === false) return; n.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c); });
    return n;
  }
  function sv(tag, attrs, kids) {
    var n = document.createElementNS(SVGNS, tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k]; if (v == null) continue;
      if (k === 'text') n.textContent = String(v);
      else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, String(v));
    }
    if (kids) kids.forEach(function (c) { if (c) n.appendChild(c); });
    return n;
  }
  // an id as stored, or a knowledge-base id ("country:sy") whose entity is "e:country:sy"
  function ent(id) { return id != null ? (IDX.ent[id] || IDX.ent['e:' + id]) : null; }
  function nm(id) {
    var e = ent(id); if (!e) return id == null ? '' : String(id).replace(/^raw:/, '');
    return (S.lang === 'ar' ? (e.name_ar || e.name_en) : (e.name_en || e.name_ar)) || e.id;
  }
  // a role from the knowledge base (role, org id, dates) or from the text (the words, with a span)
  function roleText(r) {
    if (!r) return '';
    if (typeof r === 'string') return r;
    var name = r.title || r.role || '', org = r.org_entity && ent(r.org_entity) ? nm(r.org_entity) : ((S.lang === 'ar' ? r.org_name_ar || r.org_name_en : r.org_name_en || r.org_name_ar) || (r.org ? nm(r.org) : ''));
    var d0 = typeof r.start === 'string' ? r.start : (typeof r.since === 'string' ? r.since : ''), d1 = typeof r.end === 'string' ? r.end : (typeof r.until === 'string' ? r.until : '');
    var dates = (d0 || d1) ? ' (' + (d0 || '…').slice(0, 10) + ' – ' + (d1 || '…').slice(0, 10) + ')' : '';
    return (name + (org ? (S.lang === 'ar' ? '، ' : ', ') + org : '') + dates).trim();
  }
  function uniq(xs) { var seen = {}; return xs.filter(function (x) { if (!x || seen[x]) return false; seen[x] = 1; return true; }); }
  function cq(c) { return (S.lang === 'ar' && c.question_ar) || c.question || c.question_ar; }
  function docOf(id) { return IDX.doc[id]; }
  // a file path names a document by its file name only (no build machine's folders)
  function baseName(p) { return p ? String(p).replace(/\/+$/, '').split(/[\\/]/).pop() : ''; }
  // a source is named by its outlet, else neutrally by its number: never by file name or headline
  function outletOf(d) { return d ? (d.outlet || (d.seq != null ? L('document_n').replace('{n}', d.seq) : d.id)) : ''; }
  function tms(s) { if (!s) return null; var t = Date.parse(s); return isNaN(t) ? null : t; }
  function tzMin(tz) { var m = /^([+-])(\d\d):?(\d\d)$/.exec(tz || ''); return m ? (m[1] === '-' ? -1 : 1) * (60 * +m[2] + +m[3]) : 180; }
  var TZ = 180;
  function fmt(ms, prec) {
    if (ms == null) return '…';
    var s = new Date(ms + TZ * 60000).toISOString();
    if (prec === 'day' || prec === 'month' || prec === 'year') return s.slice(0, 10);
    return s.slice(0, 10) + ' ' + s.slice(11, 16);
  }
  function timeText(t) {
    if (!t) return L('no_time');
    var a = tms(t.earliest), b = tms(t.latest);
    var r = (a == null ? '…' : fmt(a, t.precision)) + ' → ' + (b == null ? '…' : fmt(b, t.precision));
    if (a != null && b != null && fmt(a, t.precision) === fmt(b, t.precision)) r = fmt(a, t.precision);
    return r + (t.text ? ' «' + t.text + '»' : '');
  }
  // a colour per group that never repeats: 20 picked far apart (CIELAB distance >= 24), then hues by the
  // golden angle at three lightnesses; grey (#5d6d7e) is kept for "other" and is never in it
  var PALETTE = ['#d35400', '#2471a3', '#229954', '#8e44ad', '#c0392b', '#b7950b', '#17a589', '#aa00ff', '#64dd17', '#283618',
    '#b5838d', '#880e4f', '#2962ff', '#00b8d4', '#f06292', '#f4a261', '#9ccc65', '#006064', '#1a237e', '#ffab00'];
  function color(i) { i = Math.max(0, i | 0); if (i < PALETTE.length) return PALETTE[i]; var k = i - PALETTE.length; return 'hsl(' + ((k * 137.508) % 360).toFixed(1) + ',70%,' + [38, 52, 28][k % 3] + '%)'; }
  var CLASS_COLOR = { movement: '#2471a3', control: '#229954', communication: '#8e44ad', harm: '#c0392b', other: '#5d6d7e' };
  function spanText(sp) { var d = docOf(sp && sp.doc); if (!d || typeof d.text !== 'string') return ''; return d.text.slice(Math.max(0, sp.start | 0), Math.max(0, sp.end | 0)); }

  function isnad(att) {
    var box = el('span', { cls: 'isnad' });
    var chain = arr(att && att.chain);
    if (!chain.length) { box.appendChild(el('span', { cls: 'mut', text: L('isnad') + ': —' })); return box; }
    chain.forEach(function (lk, i) {
      if (i) box.appendChild(el('span', { cls: 'arr', text: S.lang === 'ar' ? '←' : '→' }));
      box.appendChild(el('span', { cls: 'lk ' + (lk && lk.kind || ''), title: L('kind_' + (lk && lk.kind)), text: (lk && lk.name) || '?' }));
    });
    if (att && att.hedge) box.appendChild(el('span', { cls: 'tag warn', text: L('hedge') + ': ' + att.hedge }));
    return box;
  }
  function evidenceBlock(sp) {
    if (!sp) return null;
    var d = docOf(sp.doc);
    return el('div', { cls: 'evidence' }, [
      el('div', { cls: 'quote', dir: 'auto', text: spanText(sp) || '—' }),
      el('div', { cls: 'mut' }, [
        (d ? outletOf(d) + (d.published ? ' · ' + d.published : '') + ' · ' : ''),
        el('a', { cls: 'link goto', 'data-doc': sp.doc, 'data-start': sp.start, 'data-end': sp.end, text: L('open_sentence'), onclick: function () { gotoSpan(sp); } })
      ]),
      isnad(sp.attribution), rvSource(sp)
    ]);
  }
  function entLink(id) {
    var e = ent(id); if (!e) return el('span', { text: id == null ? '—' : String(id) });
    if (e.type === 'person') return el('a', { cls: 'link person-link', 'data-id': e.id, text: nm(id), onclick: function () { openPerson(e.id); } });
    return el('span', { title: L('type_' + e.type), text: nm(id) });
  }
  function eventTitle(ev) {
    var who = uniq(arr(ev.participants).filter(function (p) { return p && ent(p.entity); }).map(function (p) { return nm(p.entity); })).join('، ');
    var path = (ev.origin || ev.destination) ? ' ' + (ev.origin ? nm(ev.origin) : '?') + ' → ' + (ev.destination ? nm(ev.destination) : '?') : (ev.place ? ' @ ' + nm(ev.place) : '');
    return T(ev) + (who ? ': ' + who : '') + path;
  }
  function eventCard(ev, brief) {
    var conf = IDX.confOfEvent[ev.id] || [];
    return el('div', { cls: 'card event' + rvCls(ev), 'data-id': ev.id }, [
      el('div', null, [el('b', { text: eventTitle(ev) }), ' ', el('span', { cls: 'tag', text: L('class_' + ev['class']) }),
        conf.length ? el('a', { cls: 'tag warn link', text: '⚠ ' + L('conflict'), onclick: function () { S.tab = 'conflicts'; S.focus = conf[0]; draw(); } }) : null,
        ' ', el('a', { cls: 'tag link open-event', 'data-id': ev.id, text: L('open_event'), onclick: function () { openEvent(ev.id); } })]),
      el('div', { cls: 'mut', text: L('time') + ': ' + timeText(ev.time) + (ev.means ? ' · ' + L('means') + ': ' + (ent(ev.means) ? nm(ev.means) : ev.means) : '') + ' · ' + L('corroboration') + ': ' + (ev.corroboration != null ? ev.corroboration : '?') }),
      brief ? null : el('div', null, arr(ev.evidence).map(evidenceBlock)),
      reviewBar('event', ev.id, ev)
    ]);
  }

  // ---------- data ----------
  function index(data) {
    D = data || {};
    ['documents', 'entities', 'events', 'itineraries', 'conflicts', 'relations'].forEach(function (k) { D[k] = arr(D[k]).filter(function (x) { return x && typeof x === 'object'; }); });
    IDX = { ent: {}, doc: {}, ev: {}, confOfEvent: {}, itin: {}, norm: {} };
    D.documents.forEach(function (d) { if (d.id != null) IDX.doc[d.id] = d; });
    D.entities.forEach(function (e) { if (e.id != null) IDX.ent[e.id] = e; });
    D.events.forEach(function (e) { if (e.id != null) IDX.ev[e.id] = e; });
    D.conflicts.forEach(function (c) { arr(c.values).forEach(function (v, vi) { arr(v && v.events).forEach(function (id) { (IDX.confOfEvent[id] = IDX.confOfEvent[id] || []).push(c.id); (IDX.valOfEvent = IDX.valOfEvent || {})[id] = vi; }); }); });
    IDX.valOfEvent = IDX.valOfEvent || {};
    IDX.confOfSlot = {};
    D.conflicts.forEach(function (c) {
      var f = c.field || c.slot, evs = [c.event];
      arr(c.values).forEach(function (v) { arr(v && v.events).forEach(function (id) { evs.push(id); }); });
      evs.forEach(function (id) { if (id && f && !IDX.confOfSlot[id + '|' + f]) IDX.confOfSlot[id + '|' + f] = { id: c.id, kind: c.kind }; });
    });
    IDX.byName = {}; D.entities.forEach(function (e) { [e.name_ar, e.name_en].concat(arr(e.aliases)).forEach(function (n) { if (n && typeof n === 'string') { var k = norm(n).t.trim(); if (k && IDX.byName[k] == null) IDX.byName[k] = e.id; } }); });
    IDX.timesOf = {}; arr(D.times).forEach(function (t) { if (t && t.doc) (IDX.timesOf[t.doc] = IDX.timesOf[t.doc] || []).push(t); });
    IDX.fate = {};
    D.itineraries.forEach(function (it) { if (it.person != null) { IDX.itin[it.person] = it; if (it.fate) IDX.fate[it.person] = it.fate; } });
    // no itinerary: the destination of the latest timed movement is the last known whereabouts (derived)
    D.events.forEach(function (ev) {
      if (ev['class'] !== 'movement' || !ev.destination) return;
      var t = ev.time || {}, m = tms(t.latest) || tms(t.earliest); if (m == null) return;
      arr(ev.participants).forEach(function (p) {
        var id = p && p.entity, e = ent(id); if (!e || e.type !== 'person' || IDX.itin[id]) return;
        var cur = IDX.fate[id]; if (cur && cur._t >= m) return;
        IDX.fate[id] = { status: 'unknown', place: ev.destination, time: ev.time, evidence: ev.evidence, _t: m, derived: true };
      });
    });
    D.itineraries.forEach(function (it) { if (it.person != null) IDX.itin[it.person] = it; });
    var tzs = D.events.map(function (e) { return e.time && e.time.tz; }).filter(Boolean);
    TZ = tzMin(tzs[0] || '+03:00');
  }

  // ---------- layout ----------
  var TABS = ['timeline', 'map', 'people', 'graph', 'conflicts', 'sources', 'search', 'review'];
  var VIEWS = { timeline: function (m) { vTimeline(m); }, map: function (m) { vMap(m); }, people: function (m) { vPeople(m); }, graph: function (m) { vGraph(m); },
    conflicts: function (m) { vConflicts(m); }, sources: function (m) { vSources(m); }, search: function (m) { vSearch(m); }, event: function (m) { vEvent(m); },
    review: function (m) { vReview(m); } };
  function draw() {
    document.documentElement.lang = S.lang; document.documentElement.dir = S.lang === 'ar' ? 'rtl' : 'ltr';
    document.title = L('title');
    if (!VIEWS[S.tab]) S.tab = 'timeline';
    var app = document.getElementById('app'); app.className = ''; app.textContent = '';
    var nav = el('nav', null, TABS.map(function (t) { return el('button', { id: 'tab-' + t, cls: S.tab === t ? 'on' : '', text: L(t), onclick: function () { S.tab = t; S.person = null; S.event = null; draw(); } }); }));
    app.appendChild(el('header', null, [el('h1', { text: L('title') }), nav,
      el('span', { cls: 'stats', text: D.documents.length + ' ' + L('documents') + ' · ' + D.entities.length + ' ' + L('entities') + ' · ' + D.events.length + ' ' + L('events') }),
      el('button', { id: 'lang', cls: 'btn', text: L('switch'), onclick: function () { S.lang = S.lang === 'ar' ? 'en' : 'ar'; draw(); } })]));
    var main = el('main', { id: 'view-' + S.tab }); app.appendChild(main);
    VIEWS[S.tab](main);
    syncUrl();
  }
  function gotoSpan(sp) { S.tab = 'sources'; S.doc = sp.doc; S.focus = { start: sp.start | 0, end: sp.end | 0 }; draw(); }
  function openPerson(id) { S.tab = 'people'; S.person = id; draw(); }
  function openEvent(id) { S.tab = 'event'; S.event = id; draw(); }

  // ---------- the address: every tab and filter is in the URL's fragment ----------
  // "#timeline?group=place&from=…&to=…&sel=EV", "#map?view=w,s,e,n", "#person/ID?claims=disputed",
  // "#event/ID", "#conflicts?c=ID", "#src/DOC/START/END", "#search?q=…", and "lang=en|ar" where it is not
  // the page's own. A user's step pushes a history entry (Back and Forward walk them), a shared link opens
  // the same view, and the first draw after a load or a Back only replaces it.
  var navReplace = true;
  function isoMin(ms) { return new Date(Math.round(ms / 6e4) * 6e4).toISOString().slice(0, 16) + 'Z'; }
  function stateHash() {
    var p = [], path = S.tab;
    function q(k, v) { if (v != null && v !== '') p.push(k + '=' + encodeURIComponent(v)); }
    if (S.tab === 'people' && S.person) path = 'person/' + encodeURIComponent(S.person);
    else if (S.tab === 'event' && S.event) path = 'event/' + encodeURIComponent(S.event);
    else if (S.tab === 'sources' && S.doc) path = 'src/' + encodeURIComponent(S.doc) + (S.focus && typeof S.focus === 'object' ? '/' + (S.focus.start | 0) + '/' + (S.focus.end | 0) : '');
    if (S.tab === 'timeline') {
      if (S.group !== 'person') q('group', S.group);
      if (S.view && S.viewCore && (isoMin(S.view[0]) !== isoMin(S.viewCore[0]) || isoMin(S.view[1]) !== isoMin(S.viewCore[1]))) { q('from', isoMin(S.view[0])); q('to', isoMin(S.view[1])); }
    }
    if (S.tab === 'map' && S.mapView) q('view', S.mapView.map(function (x) { return (+x).toFixed(3); }).join(','));
    if ((S.tab === 'timeline' || S.tab === 'map') && S.sel) q('sel', S.sel);
    if (S.tab === 'conflicts' && typeof S.focus === 'string') q('c', S.focus);
    if (S.tab === 'search') q('q', S.q);
    if ((S.tab === 'people' && S.person) || S.tab === 'event') q('claims', S.cf);
    if (S.lang !== (CONFIG.lang || 'ar')) q('lang', S.lang);
    return path + (p.length ? '?' + p.join('&') : '');
  }
  var lastPath = null;
  function syncUrl() {
    var h = '#' + stateHash(), replace = navReplace; navReplace = false;
    // a new page (another tab, person, event or document) starts at its top, as a link would
    var path = h.split('?')[0]; if (lastPath != null && path !== lastPath && window.scrollTo) window.scrollTo(0, 0); lastPath = path;
    if (location.hash === h) return;
    try { if (replace) history.replaceState(null, '', h); else history.pushState(null, '', h); }
    catch (e) { try { if (replace) location.replace(h); else location.hash = h; } catch (e2) { /* an address that cannot change */ } }
  }
  function fromHash() {
    var raw = (location.hash || '').replace(/^#/, ''), qi = raw.indexOf('?');
    var h = (qi >= 0 ? raw.slice(0, qi) : raw).split('/').map(function (x) { try { return decodeURIComponent(x); } catch (e) { return x; } });
    var P = {}; (qi >= 0 ? raw.slice(qi + 1) : '').split('&').forEach(function (kv) { var i = kv.indexOf('='); if (i > 0) { try { P[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch (e) { /* a bad escape: ignored */ } } });
    // every field from the address, so that Back restores exactly what was shown
    S.tab = 'timeline'; S.group = 'person'; S.view = null; S.doc = null; S.person = null; S.event = null; S.focus = null;
    S.mapView = null; S.q = ''; S.sel = null; S.cf = ''; S.lang = CONFIG.lang || 'ar';
    if (h[0] === 'src' && docOf(h[1])) { S.tab = 'sources'; S.doc = h[1]; if (h.length >= 4) S.focus = { start: +h[2] || 0, end: +h[3] || 0 }; }
    else if (h[0] === 'person' && ent(h[1])) { S.tab = 'people'; S.person = ent(h[1]).id; }
    else if (h[0] === 'event' && IDX.ev[h[1]]) { S.tab = 'event'; S.event = h[1]; }
    else if (TABS.indexOf(h[0]) >= 0) S.tab = h[0];
    if (P.group === 'place') S.group = 'place';
    var a = tms(P.from), b = tms(P.to); if (a != null && b != null && b > a) S.view = [a, b];
    var mv = String(P.view || '').split(',').map(Number); if (mv.length === 4 && mv.every(isFinite) && mv[2] > mv[0] && mv[3] > mv[1]) S.mapView = mv;
    if (P.sel && IDX.ev[P.sel]) S.sel = P.sel;
    if (P.c) S.focus = P.c;
    if (P.q) S.q = P.q.slice(0, 200);
    if (P.claims === 'disputed') S.cf = 'disputed';
    if (P.lang === 'en' || P.lang === 'ar') S.lang = P.lang;
    if (h[0] === 'lang' || (h[0] !== 'src' && h[2] === 'en')) S.lang = 'en';
  }
  function onAddress() { if (location.hash === '#' + stateHash() || /^#token=/.test(location.hash)) return; fromHash(); navReplace = true; draw(); }

  // ---------- timeline ----------
  function vTimeline(main) {
    var items = D.events.map(function (ev) {
      var t = ev.time || {}; var a = tms(t.earliest), b = tms(t.latest);
      return { ev: ev, a: a, b: b };
    }).filter(function (x) { return x.a != null || x.b != null; });
    var untimed = D.events.filter(function (ev) { var t = ev.time || {}; return tms(t.earliest) == null && tms(t.latest) == null; });
    var lo = Infinity, hi = -Infinity;
    items.forEach(function (x) { [x.a, x.b].forEach(function (v) { if (v != null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); });
    if (!isFinite(lo)) { lo = Date.now(); hi = lo + 864e5; }
    if (hi - lo < 36e5) { lo -= 18e5; hi += 18e5; }
    var pad = (hi - lo) * 0.03, full = [lo - pad, hi + pad];
    // the default view is where most events are (10th to 90th percentile of their midpoints):
    // a birth year or a founding date mentioned in passing must not squash the story into a line
    var mids = items.map(function (x) { return x.a != null && x.b != null ? (x.a + x.b) / 2 : (x.a != null ? x.a : x.b); }).sort(function (p, q) { return p - q; });
    var core = full;
    if (mids.length >= 5) {
      var c0 = mids[Math.floor(mids.length * 0.1)], c1 = mids[Math.min(mids.length - 1, Math.ceil(mids.length * 0.9))];
      if (c1 - c0 < 864e5) { var cm = (c0 + c1) / 2; c0 = cm - 432e5; c1 = cm + 432e5; }
      var cp = (c1 - c0) * 0.08; core = [Math.max(full[0], c0 - cp), Math.min(full[1], c1 + cp)];
    }
    if (!S.view) S.view = core.slice();
    S.viewCore = core;
    // densest night: 18:00 local .. 08:00 next day around the most events
    var days = {}; items.forEach(function (x) { var m = x.a != null ? x.a : x.b; var k = new Date(m + TZ * 6e4).toISOString().slice(0, 10); days[k] = (days[k] || 0) + 1; });
    var dayKeys = Object.keys(days).filter(function (k) { var r = dayRange(k); return r[1] > core[0] && r[0] < core[1]; }).sort();
    var nightCount = {}; items.forEach(function (x) { var m = (x.b != null ? x.b : x.a); var loc = m + TZ * 6e4; var hr = new Date(loc).getUTCHours(); var base = new Date(loc - (hr < 12 ? 864e5 : 0)).toISOString().slice(0, 10); if (hr >= 18 || hr < 8) nightCount[base] = (nightCount[base] || 0) + 1; });
    var night = Object.keys(nightCount).sort(function (p, q) { return nightCount[q] - nightCount[p]; })[0];
    function dayRange(k) { var s = Date.parse(k + 'T00:00:00Z') - TZ * 6e4; return [s, s + 864e5]; }
    function zoom(f) { var c = (S.view[0] + S.view[1]) / 2, w = (S.view[1] - S.view[0]) * f; w = Math.max(w, 6e5); S.view = [c - w / 2, c + w / 2]; draw(); }
    function pan(f) { var w = S.view[1] - S.view[0]; S.view = [S.view[0] + w * f, S.view[1] + w * f]; draw(); }
    var tb = el('div', { cls: 'toolbar' }, [
      el('button', { cls: 'btn' + (S.group === 'person' ? ' on' : ''), id: 'tl-group-person', text: L('group_person'), onclick: function () { S.group = 'person'; draw(); } }),
      el('button', { cls: 'btn' + (S.group === 'place' ? ' on' : ''), id: 'tl-group-place', text: L('group_place'), onclick: function () { S.group = 'place'; draw(); } }),
      ' | ',
      el('button', { cls: 'btn', id: 'tl-all', text: L('zoom_all'), onclick: function () { S.view = full.slice(); draw(); } }),
      night ? el('button', { cls: 'btn', id: 'tl-night', text: L('night') + ' ' + night, onclick: function () { var r = dayRange(night); S.view = [r[0] + 18 * 36e5, r[0] + 32 * 36e5]; draw(); } }) : null,
      el('button', { cls: 'btn', text: L('earlier'), onclick: function () { pan(S.lang === 'ar' ? 0.25 : -0.25); } }),
      el('button', { cls: 'btn', id: 'tl-zoom-in', text: '+', title: L('zoom_in'), onclick: function () { zoom(0.5); } }),
      el('button', { cls: 'btn', id: 'tl-zoom-out', text: '-', title: L('zoom_out'), onclick: function () { zoom(2); } }),
      el('button', { cls: 'btn', text: L('later'), onclick: function () { pan(S.lang === 'ar' ? -0.25 : 0.25); } })
    ].concat(dayKeys.slice(0, 20).map(function (k) { return el('button', { cls: 'btn day', text: k.slice(5), title: L('day') + ' ' + k, onclick: function () { S.view = dayRange(k); draw(); } }); }))
     .concat([classLegend(items)]));
    main.appendChild(tb);
    // rows
    var rows = {}, order = [];
    function push(key, x) { if (!rows[key]) { rows[key] = []; order.push(key); } rows[key].push(x); }
    items.forEach(function (x) {
      var ev = x.ev, keys = [];
      if (S.group === 'person') arr(ev.participants).forEach(function (p) { var e = ent(p && p.entity); if (e && e.type === 'person') keys.push(e.id); });
      else [ev.place, ev.origin, ev.destination].forEach(function (k) { if (k && ent(k) && keys.indexOf(k) < 0) keys.push(k); });
      if (!keys.length) keys.push('');
      // one bar per row (a person who is agent and decider is one row), each row its own copy to lay out
      keys.filter(function (k, i) { return keys.indexOf(k) === i; }).forEach(function (k) { push(k, { ev: x.ev, a: x.a, b: x.b }); });
    });
    order.sort(function (p, q) { return (p === '') - (q === '') || rows[q].length - rows[p].length; });
    // one row per conflict about time: each competing value's interval in its own colour
    var crow = [];
    D.conflicts.forEach(function (c) {
      var its = [];
      arr(c.values).forEach(function (v, vi) {
        arr(v && v.events).forEach(function (id) { var ev = IDX.ev[id], t = ev && ev.time || {}; var a = tms(t.earliest), b = tms(t.latest); if (a != null || b != null) its.push({ ev: ev, a: a, b: b, vi: vi, conflict: c, value: v }); });
      });
      var vals = {}; its.forEach(function (x) { vals[x.vi] = 1; });
      if (Object.keys(vals).length > 1) crow.push({ c: c, items: its });
    });
    var W = Math.max(600, (main.clientWidth || 1100) - 410), labW = 170, rowH = 22, axisH = 34, GAP = 6, MAXL = 6;
    var rtl = S.lang === 'ar';
    var v0 = S.view[0], v1 = S.view[1], plotW = W - labW - 10;
    function X(t) { var f = (t - v0) / (v1 - v0); return rtl ? (W - labW - f * plotW) : (labW + f * plotW); }
    // labels never overlap: lay out in reading order (u = x, or W - x right to left), where a bar's
    // label runs after it; a bar goes to the first lane where it and its whole label fit, else (past
    // MAXL lanes) to one where the bar fits and the label before it is cut short; what does not fit
    // ends in "…" with the whole label as a tooltip
    function U(x) { return rtl ? W - x : x; }
    var plotU0 = labW, plotU1 = labW + plotW;
    function geom(x) {
      var openA = x.a == null, openB = x.b == null, ext = Math.max((v1 - v0) * 0.08, 36e5);
      var a = openA ? x.b - ext : x.a, b = openB ? x.a + ext : x.b;
      var xa = X(a), xb = X(b), left = Math.min(xa, xb), w = Math.max(3, Math.abs(xb - xa));
      return { openA: openA, openB: openB, left: left, w: w, u0: U(rtl ? left + w : left), u1: U(rtl ? left : left + w) };
    }
    var lanes = [];
    order.forEach(function (k) {
      var vis = rows[k].filter(function (x) { x.g = geom(x); return x.g.u1 > plotU0 && x.g.u0 < plotU1; });
      if (!vis.length) return;    // nothing of this row in view
      vis.sort(function (p, q) { return p.g.u0 - q.g.u0 || (p.ev.id < q.ev.id ? -1 : p.ev.id > q.ev.id ? 1 : 0); });
      var ls = [];
      vis.forEach(function (x) {
        x.label = barLabel(x.ev); x.lw = textW(x.label, 11);
        var li = -1, i;
        for (i = 0; i < ls.length && li < 0; i++) if (ls[i].end + GAP <= x.g.u0) li = i;
        if (li < 0 && ls.length < MAXL) { li = ls.length; ls.push({}); }
        for (i = 0; i < ls.length && li < 0; i++) if (ls[i].barEnd + GAP <= x.g.u0) li = i;
        if (li < 0) { li = ls.length; ls.push({}); }
        var lane = ls[li];
        if (lane.last) lane.last.room = Math.min(lane.last.room, x.g.u0 - GAP - (lane.last.g.u1 + 4));
        x.lane = li; x.room = plotU1 - (x.g.u1 + 4);
        lane.last = x; lane.barEnd = x.g.u1; lane.end = x.g.u1 + 4 + Math.max(0, Math.min(x.lw, x.room));
      });
      lanes.push({ key: k, n: Math.max(1, ls.length), items: vis });
    });
    var H = axisH + crow.reduce(function (s, r) { return s + r.items.length * 9 + 14; }, 0) + lanes.reduce(function (s, l) { return s + l.n * rowH + 8; }, 0) + 10;
    var svg = sv('svg', { id: 'timeline-svg', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, style: 'background:#fff;border:1px solid #ddd8cc;direction:ltr;max-width:100%;height:auto' });
    var defs = sv('defs');
    [['fadeR', 1, 0], ['fadeL', 0, 1]].forEach(function (g) {
      var lg = sv('linearGradient', { id: g[0], x1: 0, x2: 1, y1: 0, y2: 0 });
      lg.appendChild(sv('stop', { offset: 0, 'stop-color': '#000', 'stop-opacity': g[1] }));
      lg.appendChild(sv('stop', { offset: 1, 'stop-color': '#000', 'stop-opacity': g[2] }));
      defs.appendChild(lg);
      var mk = sv('mask', { id: 'm' + g[0], maskContentUnits: 'objectBoundingBox' });
      var r = sv('rect', { x: 0, y: 0, width: 1, height: 1, fill: '#fff' }); mk.appendChild(r);
      defs.appendChild(mk);
    });
    svg.appendChild(defs);
    // axis
    var steps = [6e4, 3e5, 9e5, 18e5, 36e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5, 2592e6];
    var span = v1 - v0, step = steps.filter(function (s) { return span / s <= 12; })[0] || 2592e6;
    var first = Math.ceil((v0 + TZ * 6e4) / step) * step - TZ * 6e4;
    for (var t = first; t <= v1; t += step) {
      var x = X(t), loc = new Date(t + TZ * 6e4).toISOString();
      var lab = step >= 864e5 ? loc.slice(5, 10) : (loc.slice(11, 16) === '00:00' ? loc.slice(5, 10) : loc.slice(11, 16));
      svg.appendChild(sv('line', { x1: x, x2: x, y1: axisH - 6, y2: H, stroke: '#eee' }));
      svg.appendChild(sv('text', { x: x, y: axisH - 12, 'font-size': 11, 'text-anchor': 'middle', fill: '#555', text: lab }));
    }
    svg.appendChild(sv('text', { x: rtl ? W - 4 : 4, y: 14, 'font-size': 11, fill: '#888', 'text-anchor': rtl ? 'end' : 'start', text: fmt(v0) + ' — ' + fmt(v1) + ' (UTC' + (TZ >= 0 ? '+' : '-') + ('0' + Math.floor(Math.abs(TZ) / 60)).slice(-2) + ':00)' }));
    var clip = sv('clipPath', { id: 'plotclip' }); clip.appendChild(sv('rect', { x: rtl ? 10 : labW, y: 0, width: plotW, height: H })); defs.appendChild(clip);
    var y = axisH;
    crow.forEach(function (r) {
      var h = r.items.length * 9 + 6;
      svg.appendChild(sv('rect', { x: 0, y: y - 2, width: W, height: h + 4, fill: '#fdf0ee' }));
      var q = (cq(r.c) || r.c.id || '');
      svg.appendChild(sv('text', { x: rtl ? W - 6 : 6, y: y + 12, 'font-size': 11, fill: '#c0392b', 'text-anchor': rtl ? 'end' : 'start', text: fitText('⚠ ' + q, 11, labW - 12) }, [sv('title', { text: q })]));
      var g = sv('g', { 'clip-path': 'url(#plotclip)' });
      r.items.forEach(function (x, k) {
        var a = x.a != null ? x.a : x.b - Math.max((v1 - v0) * 0.08, 36e5), b = x.b != null ? x.b : x.a + Math.max((v1 - v0) * 0.08, 36e5);
        var xa = X(a), xb = X(b), left = Math.min(xa, xb), w = Math.max(3, Math.abs(xb - xa));
        var bar = sv('rect', { class: 'cbar', 'data-conflict': r.c.id, x: left, y: y + k * 9 + 2, width: w, height: 7, rx: 2, fill: color(x.vi), 'fill-opacity': 0.8, style: 'cursor:pointer',
          onclick: function () { S.tab = 'conflicts'; S.focus = r.c.id; draw(); } });
        bar.appendChild(sv('title', { text: (x.value && x.value.value != null ? String(x.value.value) : '') + '\n' + timeText(x.ev.time) }));
        g.appendChild(bar);
      });
      svg.appendChild(g);
      y += h + 8;
    });
    lanes.forEach(function (ln, li) {
      var h = ln.n * rowH;
      svg.appendChild(sv('rect', { x: 0, y: y - 2, width: W, height: h + 4, fill: li % 2 ? '#faf9f5' : '#fff' }));
      var label = ln.key === '' ? '—' : nm(ln.key);
      svg.appendChild(sv('text', { class: 'tl-row-label', 'data-room': labW - 12, x: rtl ? W - 6 : 6, y: y + 15, 'font-size': 12, 'text-anchor': rtl ? 'end' : 'start', fill: '#222', text: fitText(label, 12, labW - 12) }, [sv('title', { text: label })]));
      var g = sv('g', { 'clip-path': 'url(#plotclip)' });
      ln.items.forEach(function (x) {
        var ev = x.ev, conf = IDX.confOfEvent[ev.id];
        var openA = x.g.openA, openB = x.g.openB, left = x.g.left, w = x.g.w;
        var col = CLASS_COLOR[ev['class']] || CLASS_COLOR.other;
        var yy = y + x.lane * rowH + 3;
        var fill = col;
        if (openA || openB) {
          var gid = 'g' + Math.random().toString(36).slice(2);
          var fadeAtLeft = (openA && !rtl) || (openB && rtl), fadeAtRight = (openB && !rtl) || (openA && rtl);
          var lg = sv('linearGradient', { id: gid, x1: 0, x2: 1, y1: 0, y2: 0 });
          lg.appendChild(sv('stop', { offset: 0, 'stop-color': col, 'stop-opacity': fadeAtLeft ? 0 : 1 }));
          lg.appendChild(sv('stop', { offset: 1, 'stop-color': col, 'stop-opacity': fadeAtRight ? 0 : 1 }));
          defs.appendChild(lg); fill = 'url(#' + gid + ')';
        }
        var bar = sv('rect', { class: 'bar' + (conf ? ' conflicted' : ''), 'data-id': ev.id, x: left, y: yy, width: w, height: rowH - 7, rx: 3, fill: fill, 'fill-opacity': 0.85,
          stroke: conf ? '#c0392b' : 'none', 'stroke-width': conf ? 2 : 0, 'stroke-dasharray': conf ? '4 2' : null,
          onclick: function () { S.sel = ev.id; draw(); } });
        bar.appendChild(sv('title', { text: eventTitle(ev) + '\n' + timeText(ev.time) }));
        g.appendChild(bar);
        var shown = fitText(x.label, 11, x.room);
        if (shown) g.appendChild(sv('text', { class: 'tl-label', 'data-id': ev.id, 'data-room': x.room.toFixed(1), x: rtl ? left - 4 : left + w + 4, y: yy + 11, 'font-size': 11, fill: conf ? '#c0392b' : '#333', 'text-anchor': rtl ? 'end' : 'start', text: shown },
          shown !== x.label ? [sv('title', { text: x.label })] : null));
      });
      svg.appendChild(g);
      y += h + 8;
    });
    var split = el('div', { cls: 'split' });
    var side = el('div', { cls: 'side', id: 'tl-detail' });
    var sel = S.sel && IDX.ev[S.sel];
    if (sel) side.appendChild(eventCard(sel));
    else side.appendChild(el('div', { cls: 'mut', text: (S.lang === 'ar' ? 'انقر شريطًا لعرض الحدث وأدلته. الأطراف الباهتة = حدود مفتوحة؛ الإطار الأحمر المتقطع = تناقض.' : 'Click a bar to see the event and its evidence. Fading ends = open bounds; dashed red outline = conflict.') }));
    if (untimed.length) side.appendChild(el('div', null, [el('h4', { text: L('no_time') + ' (' + untimed.length + ')' })].concat(untimed.slice(0, 50).map(function (ev) { return el('div', null, el('a', { cls: 'link', text: eventTitle(ev), onclick: function () { S.sel = ev.id; draw(); } })); }))));
    split.appendChild(el('div', { cls: 'grow', style: 'overflow-x:auto' }, svg));
    split.appendChild(side);
    main.appendChild(split);
    fitRendered(svg);
  }
  function classLegend(items) {
    var seen = {}; items.forEach(function (x) { seen[CLASS_COLOR[x.ev['class']] ? x.ev['class'] : 'other'] = 1; });
    return el('span', { cls: 'legend', id: 'tl-legend' }, Object.keys(CLASS_COLOR).filter(function (c) { return seen[c]; }).map(function (c) {
      return el('span', null, [el('i', { cls: 'sw', style: 'background:' + CLASS_COLOR[c] }), L('class_' + c)]); }));
  }
  function barLabel(ev) { return (IDX.confOfEvent[ev.id] ? '⚠ ' : '') + T(ev) + (ev.destination ? ' → ' + nm(ev.destination) : (ev.place ? ' @ ' + nm(ev.place) : '')); }
  // text widths for the layout, from the page's own font
  var measure = null, fontFamily = null;
  function textW(s, px) {
    if (measure == null) { try { measure = document.createElement('canvas').getContext('2d') || false; } catch (e) { measure = false; } fontFamily = getComputedStyle(document.body).fontFamily || 'sans-serif'; }
    if (!measure) return String(s).length * px * 0.62;
    measure.font = px + 'px ' + fontFamily;
    return measure.measureText(String(s)).width;
  }
  function fitText(s, px, room) {
    s = String(s); if (!(room >= 24)) return '';
    if (textW(s, px) <= room) return s;
    var lo = 0, hi = s.length;
    while (lo < hi) { var m = (lo + hi + 1) >> 1; if (textW(s.slice(0, m) + '…', px) <= room) lo = m; else hi = m - 1; }
    return lo ? s.slice(0, lo) + '…' : '';
  }
  // the browser's own width has the last word: a label drawn wider than its room is cut further
  function fitRendered(svg) {
    Array.prototype.forEach.call(svg.querySelectorAll('text[data-room]'), function (t) {
      var room = +t.getAttribute('data-room'), node = t.firstChild, n = 0;
      if (!node || node.nodeType !== 3 || !t.getComputedTextLength) return;
      var full = node.nodeValue.replace(/…$/, '');
      while (t.getComputedTextLength() > room && full.length && n++ < 200) { full = full.slice(0, -1); node.nodeValue = full ? full + '…' : ''; }
    });
  }

  // ---------- map ----------
  function vMap(main) {
    var places = D.entities.filter(function (e) { var c = e.coordinates; return e.type === 'place' && Array.isArray(c) && c.length >= 2 && isFinite(c[0]) && isFinite(c[1]); });
    var P = {}; places.forEach(function (e) { P[e.id] = e.coordinates; });
    var W = Math.max(700, (main.clientWidth || 1100) - 420), H = 560;
    var bb = BASEMAP.bbox || [18, 10, 66, 60];
    var full = [bb[0], bb[1], bb[2], bb[3]];
    var inBase = places.filter(function (e) { var c = e.coordinates; return c[1] >= bb[0] && c[1] <= bb[2] && c[0] >= bb[1] && c[0] <= bb[3]; });
    var fit = (function () { if (!inBase.length) return full; var a = [180, 90, -180, -90]; inBase.forEach(function (e) { var c = e.coordinates; a[0] = Math.min(a[0], c[1]); a[2] = Math.max(a[2], c[1]); a[1] = Math.min(a[1], c[0]); a[3] = Math.max(a[3], c[0]); }); var px = Math.max(1, (a[2] - a[0]) * 0.1), py = Math.max(1, (a[3] - a[1]) * 0.1); return [Math.max(bb[0], a[0] - px), Math.max(bb[1], a[1] - py), Math.min(bb[2], a[2] + px), Math.min(bb[3], a[3] + py)]; })();
    // a close view: the area holding most places (1-degree cells around the busiest cell)
    var cells = {}; places.forEach(function (e) { var k = Math.round(e.coordinates[0] / 3) + ',' + Math.round(e.coordinates[1] / 3); cells[k] = (cells[k] || 0) + 1; });
    var best = Object.keys(cells).sort(function (p, q) { return cells[q] - cells[p]; })[0];
    var close = best ? (function () {
      var k = best.split(','), la = k[0] * 3, lo = k[1] * 3, a = [lo, la, lo, la];
      places.forEach(function (e) { var c = e.coordinates; if (Math.abs(c[0] - la) <= 4.5 && Math.abs(c[1] - lo) <= 4.5) { a[0] = Math.min(a[0], c[1]); a[2] = Math.max(a[2], c[1]); a[1] = Math.min(a[1], c[0]); a[3] = Math.max(a[3], c[0]); } });
      return [a[0] - 0.8, a[1] - 0.6, a[2] + 0.8, a[3] + 0.6]; })() : fit;
    if (!S.mapView) S.mapView = fit;
    var v = S.mapView, k = Math.cos(((v[1] + v[3]) / 2) * Math.PI / 180);
    var sx = W / ((v[2] - v[0]) * k), sy = H / (v[3] - v[1]), s = Math.min(sx, sy);
    var ox = (W - (v[2] - v[0]) * k * s) / 2, oy = (H - (v[3] - v[1]) * s) / 2;
    function prj(lat, lon) { return [ox + (lon - v[0]) * k * s, oy + (v[3] - lat) * s]; }
    var svg = sv('svg', { id: 'map-svg', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, style: 'background:#dfeaf2;border:1px solid #ddd8cc;direction:ltr;max-width:100%;height:auto' });
    var defs = sv('defs'); svg.appendChild(defs);
    var base = sv('g', { fill: '#f4f1ea', stroke: '#b9b2a3', 'stroke-width': 0.6 });
    arr(BASEMAP.countries).forEach(function (c) {
      var d = arr(c.rings).map(function (r) { return 'M' + r.map(function (p) { var q = prj(p[1], p[0]); return q[0].toFixed(1) + ',' + q[1].toFixed(1); }).join('L') + 'Z'; }).join('');
      var p = sv('path', { d: d }); p.appendChild(sv('title', { text: c.name || '' })); base.appendChild(p);
    });
    svg.appendChild(base);
    // routes
    var routes = [], seen = {};
    D.itineraries.forEach(function (it, i) { arr(it.legs).forEach(function (lg) { if (lg && P[lg.from] && P[lg.to]) { routes.push({ person: it.person, ci: i, from: lg.from, to: lg.to, event: lg.event, leg: lg }); if (lg.event) seen[lg.event] = 1; } }); });
    var pcol = {}; D.itineraries.forEach(function (it, i) { pcol[it.person] = color(i); });
    D.events.forEach(function (ev) {
      if (seen[ev.id] || !P[ev.origin] || !P[ev.destination]) return;
      var who = arr(ev.participants).map(function (p) { return p && p.entity; }).filter(function (id) { var e = ent(id); return e && e.type === 'person'; })[0];
      routes.push({ person: who, from: ev.origin, to: ev.destination, event: ev.id, extra: true });
    });
    var rg = sv('g');
    var pairCount = {};
    routes.forEach(function (r, i) {
      var col = pcol[r.person] || CLASS_COLOR.other;
      var mid = 'arr' + i; var mk = sv('marker', { id: mid, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
      mk.appendChild(sv('path', { d: 'M0,0L10,5L0,10z', fill: col })); defs.appendChild(mk);
      var a = prj(P[r.from][0], P[r.from][1]), b = prj(P[r.to][0], P[r.to][1]);
      var key = [r.from, r.to].sort().join('|'); var nth = pairCount[key] = (pairCount[key] || 0) + 1;
      var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
      var bend = (0.12 + 0.1 * (nth - 1)) * len * (nth % 2 ? 1 : -1);
      var cx = (a[0] + b[0]) / 2 - dy / len * bend, cy = (a[1] + b[1]) / 2 + dx / len * bend;
      var vi = IDX.valOfEvent[r.event], disputed = vi != null;
      var dash = disputed ? ['8 4', '2 4', '12 3 2 3', '4 4'][vi % 4] : (r.extra ? '1 3' : null);
      var path = sv('path', { class: 'route', 'data-event': r.event || '', d: 'M' + a[0] + ',' + a[1] + 'Q' + cx + ',' + cy + ' ' + b[0] + ',' + b[1], fill: 'none', stroke: col, 'stroke-width': r.extra ? 1.5 : 2.6, 'stroke-dasharray': dash, 'marker-end': 'url(#' + mid + ')', 'stroke-opacity': 0.9, style: 'cursor:pointer',
        onclick: function () { S.sel = r.event; draw(); } });
      var ev = IDX.ev[r.event];
      path.appendChild(sv('title', { text: nm(r.person) + ': ' + nm(r.from) + ' → ' + nm(r.to) + (ev ? '\n' + timeText(ev.time) : '') + (disputed ? '\n⚠ ' + L('conflict') : '') }));
      rg.appendChild(path);
    });
    svg.appendChild(rg);
    var pg = sv('g'), placed = [];
    places.sort(function (a, b) { return arr(b.mentions).length - arr(a.mentions).length; });
    places.forEach(function (e) {
      var q = prj(e.coordinates[0], e.coordinates[1]);
      if (q[0] < -50 || q[0] > W + 50 || q[1] < -50 || q[1] > H + 50) return;
      var c = sv('circle', { class: 'place', 'data-id': e.id, cx: q[0], cy: q[1], r: 4.5, fill: '#20303c', stroke: '#fff', 'stroke-width': 1.5 });
      c.appendChild(sv('title', { text: (e.name_ar || '') + ' / ' + (e.name_en || '') }));
      pg.appendChild(c);
      var bx = [q[0] + 4, q[1] - 18, q[0] + 8 + 7 * String(nm(e.id)).length, q[1] - 2];
      if (placed.some(function (o) { return bx[0] < o[2] && o[0] < bx[2] && bx[1] < o[3] && o[1] < bx[3]; })) return;
      placed.push(bx);
      pg.appendChild(sv('text', { class: 'place-label', x: q[0] + 6, y: q[1] - 6, 'font-size': 12, fill: '#111', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke', text: nm(e.id) }));
    });
    svg.appendChild(pg);
    svg.appendChild(sv('text', { x: 6, y: H - 6, 'font-size': 10, fill: '#777', text: 'Base map: Natural Earth (public domain) via world-atlas (ISC)' }));
    svg.addEventListener('wheel', function (e) {
      e.preventDefault(); var f = e.deltaY > 0 ? 1.25 : 0.8, r = svg.getBoundingClientRect();
      var px = (e.clientX - r.left - ox) / (k * s) + v[0], py = v[3] - (e.clientY - r.top - oy) / s;
      S.mapView = [px - (px - v[0]) * f, py - (py - v[1]) * f, px + (v[2] - px) * f, py + (v[3] - py) * f]; draw();
    }, { passive: false });
    var legend = el('div', { cls: 'legend', id: 'map-legend' }, D.itineraries.map(function (it, i) { return el('span', null, [el('i', { cls: 'sw', style: 'background:' + color(i) }), nm(it.person)]); }).concat([el('span', { text: '- - ' + L('legend_disputed') }), el('span', null, [el('i', { cls: 'sw', style: 'background:' + CLASS_COLOR.other }), '··· ' + L('events')])]));
    main.appendChild(el('div', { cls: 'toolbar' }, [
      el('button', { cls: 'btn', id: 'map-fit', text: L('fit'), onclick: function () { S.mapView = fit; draw(); } }),
      el('button', { cls: 'btn', id: 'map-close', text: '+', title: L('zoom_in'), onclick: function () { S.mapView = close; draw(); } }),
      el('button', { cls: 'btn', id: 'map-wide', text: '-', title: L('zoom_out'), onclick: function () { S.mapView = full; draw(); } }), legend]));
    var side = el('div', { cls: 'side' });
    var sel = S.sel && IDX.ev[S.sel];
    if (sel) side.appendChild(eventCard(sel));
    D.itineraries.forEach(function (it, i) {
      side.appendChild(el('div', { cls: 'card' }, [el('b', { style: 'color:' + color(i) }, entLink(it.person)),
        el('ol', null, arr(it.legs).map(function (lg) { var e0 = arr(lg.evidence)[0]; return el('li', null, [nm(lg.from) + ' → ' + nm(lg.to) + ' ', el('span', { cls: 'mut', text: timeText(lg.time) }), (IDX.valOfEvent[lg.event] != null ? el('span', { cls: 'warn', text: ' ⚠' }) : null), e0 ? ' ' : null, e0 ? el('a', { cls: 'link', text: L('open_sentence'), onclick: function () { gotoSpan(e0); } }) : null]); })),
        it.fate ? el('div', { cls: 'mut', text: L('fate') + ': ' + L('status_' + it.fate.status) + (it.fate.place ? ' — ' + nm(it.fate.place) : '') }) : null]));
    });
    main.appendChild(el('div', { cls: 'split' }, [el('div', { cls: 'grow' }, svg), side.firstChild ? side : null]));
  }

  // ---------- people ----------
  function personEvents(id) { return D.events.filter(function (ev) { return arr(ev.participants).some(function (p) { return p && p.entity === id; }); }); }
  function vPeople(main) {
    if (S.person && ent(S.person)) return dossier(main, ent(S.person));
    var ps = D.entities.filter(function (e) { return e.type === 'person'; });
    ps.sort(function (a, b) { return arr(b.mentions).length - arr(a.mentions).length; });
    var tb = el('table', { id: 'people-table' }, [el('tr', null, [L('name'), L('roles'), L('fate'), L('events'), L('mentions')].map(function (h) { return el('th', { text: h }); }))]);
    ps.forEach(function (e) {
      var f = IDX.fate[e.id], fe = f && arr(f.evidence)[0];
      tb.appendChild(el('tr', { cls: 'click person-row', 'data-id': e.id, onclick: function () { openPerson(e.id); } }, [
        el('td', null, [el('b', { text: nm(e.id) }), el('div', { cls: 'mut', text: S.lang === 'ar' ? (e.name_en || '') : (e.name_ar || '') })]),
        el('td', { text: uniq(arr(e.roles).map(roleText)).slice(0, 3).join(S.lang === 'ar' ? '؛ ' : '; ') }),
        el('td', null, f ? [L('status_' + (f.status || 'unknown')) + (f.place ? ' — ' + nm(f.place) : '') + (f.derived ? ' *' : '') + ' ',
          fe ? el('a', { cls: 'link', text: L('evidence'), onclick: function (ev) { ev.stopPropagation(); gotoSpan(fe); } }) : null] : null),
        el('td', { text: personEvents(e.id).length }),
        el('td', { text: arr(e.mentions).length })]));
    });
    main.appendChild(tb);
    main.appendChild(el('p', { cls: 'mut', text: L('derived') }));
  }
  function dossier(main, e) {
    main.appendChild(el('div', { cls: 'toolbar' }, [el('button', { cls: 'btn', id: 'back', text: L('back'), onclick: function () { S.person = null; draw(); } })]));
    var d = el('div', { id: 'dossier', cls: 'card' });
    d.appendChild(el('h2', { cls: rvCls(e), text: nm(e.id) }));
    add(d, reviewBar('entity', e.id, e));
    d.appendChild(el('div', { cls: 'mut', text: [e.name_ar, e.name_en].filter(Boolean).join(' / ') + (e.kb_id ? ' · ' + e.kb_id : '') }));
    if (arr(e.aliases).length) d.appendChild(el('div', null, [L('aliases') + ': '].concat(arr(e.aliases).map(function (a) { return el('span', { cls: 'tag', text: a }); }))));
    if (arr(e.roles).length) {
      d.appendChild(el('h3', { text: L('roles') }));
      d.appendChild(el('ul', null, arr(e.roles).filter(function (r) { return roleText(r); }).map(function (r) {
        var sp = r.span || (r.doc != null ? r : null);
        return el('li', null, [roleText(r) + ' ', sp ? el('a', { cls: 'link goto', 'data-doc': sp.doc, 'data-start': sp.start, 'data-end': sp.end, text: L('open_sentence'), onclick: function () { gotoSpan(sp); } }) : null]);
      })));
    }
    // the accounts that tell a leg or a fate, by name
    function perText(accs) {
      var names = []; arr(accs).forEach(function (a) { var n = (S.lang === 'ar' ? a.name_ar : a.name) || a.name || a.account; if (n && names.indexOf(n) < 0) names.push(n); });
      return names.length ? el('div', { cls: 'mut per', text: L('itin_per') + ' ' + names.join('، ') }) : null;
    }
    var it = IDX.itin[e.id];
    if (it) {
      d.appendChild(el('h3', { text: L('itinerary') }));
      var t = el('table', { id: 'itinerary' }, [el('tr', null, [L('from'), L('to'), L('time'), L('means'), L('evidence'), L('review')].map(function (h) { return el('th', { text: h }); }))]);
      arr(it.legs).forEach(function (lg) {
        t.appendChild(el('tr', { cls: 'leg' + rvCls(lg), 'data-event': lg.event }, [el('td', { text: nm(lg.from) }), el('td', { text: nm(lg.to) }),
          el('td', null, [timeText(lg.time), IDX.valOfEvent[lg.event] != null ? el('a', { cls: 'warn link', text: ' ⚠ ' + L('conflict'), onclick: function () { S.tab = 'conflicts'; S.focus = (IDX.confOfEvent[lg.event] || [])[0]; draw(); } }) : null]),
          el('td', { text: lg.means ? (ent(lg.means) ? nm(lg.means) : lg.means) : '' }),
          el('td', null, [perText(lg.accounts)].concat(arr(lg.evidence).map(evidenceBlock))),
          el('td', { cls: 'rv-cell' }, reviewBar('leg', e.id + '|' + lg.event, lg))]));
      });
      d.appendChild(t);
      // where accounts disagree: each version of the disputed legs with its sources (shared legs are above)
      if (arr(it.alternatives).length) {
        d.appendChild(el('h4', { text: L('itin_versions') }));
        d.appendChild(el('div', { id: 'alternatives' }, arr(it.alternatives).map(function (r, n) {
          return el('div', { cls: 'alt' }, [el('b', { text: L('itin_version') + ' ' + (n + 1) + ' ' }), perText(r.accounts),
            el('ul', null, arr(r.legs).filter(function (lg) { return lg.disputed; }).map(function (lg) {
              return el('li', null, [nm(lg.from) + ' → ' + nm(lg.to) + (lg.means ? ' (' + (ent(lg.means) ? nm(lg.means) : lg.means) + ')' : '') + ' ', el('span', { cls: 'mut', text: lg.time ? timeText(lg.time) : '' })].concat(arr(lg.evidence).slice(0, 1).map(evidenceBlock)));
            }))]);
        })));
      }
      if (it.fate) {
        d.appendChild(el('h3', { text: L('fate') }));
        d.appendChild(el('div', { id: 'fate' }, [el('b', { text: L('status_' + (it.fate.status || 'unknown')) + (it.fate.place ? ' — ' + nm(it.fate.place) : '') }), ' ', el('span', { cls: 'mut', text: it.fate.time ? timeText(it.fate.time) : '' }), ' ', perText(it.fate.accounts), rvMarks(it.fate)].concat(arr(it.fate.evidence).map(evidenceBlock))));
      }
      if (arr(it.time_findings).length) {
        d.appendChild(el('h4', { text: L('time_check') }));
        d.appendChild(el('ul', { id: 'time-findings' }, arr(it.time_findings).map(function (f) {
          var r = f.reason || {};
          return el('li', { cls: 'warn', text: (S.lang === 'ar' ? r.ar : r.en) || r.en || '' });
        })));
      }
    }
    var df = !it && IDX.fate[e.id];
    if (df) {
      d.appendChild(el('h3', { text: L('fate') + ' *' }));
      d.appendChild(el('div', { id: 'fate' }, [el('b', { text: L('status_' + (df.status || 'unknown')) + (df.place ? ' — ' + nm(df.place) : '') }), ' ', el('span', { cls: 'mut', text: timeText(df.time) })].concat(arr(df.evidence).map(evidenceBlock))));
    }
    d.appendChild(el('h3', { text: L('who_says') }));
    var about = D.events.filter(function (ev) { return aboutEntity(ev, e.id); });
    function cmp(x, y) { return x < y ? -1 : x > y ? 1 : 0; }     // by code point, as Python sorts
    about.sort(function (a, b) { return (b.corroboration || 0) - (a.corroboration || 0) || cmp(String((a.time || {}).earliest || '~'), String((b.time || {}).earliest || '~')) || cmp(String(a.id), String(b.id)); });
    d.appendChild(claimsFilter());
    d.appendChild(claimsTable(about));
    main.appendChild(d);
  }

  // ---------- who says what (the same rules as riwaya/claims.py) ----------
  // A claim is one value of one slot of one event (reconcile's event.values) or a participant's role;
  // under it, the independent accounts that tell it (copies, translations and one upstream quoted by
  // several outlets are one account), each with its sentences and isnad, outermost first.
  var SLOTS = ['polarity', 'decider', 'origin', 'destination', 'via', 'place', 'means', 'time', 'companions', 'amount', 'duration'];
  function slotRank(s) { var i = SLOTS.indexOf(s); return i < 0 ? SLOTS.length : i; }
  function accOf(sp) { return String(sp.independent_account || sp.account || ('doc:' + sp.doc)); }
  function sameVal(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function valueRows(ev, evidence) {
    var out = {}, vals = ev.values;
    if (vals && typeof vals === 'object' && !Array.isArray(vals) && Object.keys(vals).length) {
      Object.keys(vals).forEach(function (slot) {
        var good = arr(vals[slot]).filter(function (r) { return r && typeof r === 'object' && 'value' in r; });
        if (good.length) out[slot] = good.map(function (r) { return { value: r.value, evidence: arr(r.evidence).filter(function (i) { return typeof i === 'number' && i % 1 === 0 && i >= 0 && i < evidence.length; }) }; });
      });
      return out;
    }
    evidence.forEach(function (sp, i) {
      if (!sp) return;
      var own = sp.values && typeof sp.values === 'object' ? sp.values : null;
      SLOTS.forEach(function (slot) {
        var v = own ? own[slot] : (slot !== 'polarity' ? ev[slot] : (ev.polarity || 'asserted'));
        if (v == null || v === '' || (Array.isArray(v) && !v.length)) return;
        var rows = out[slot] = out[slot] || [], row = rows.filter(function (r) { return sameVal(r.value, v); })[0];
        if (!row) { row = { value: v, evidence: [] }; rows.push(row); }
        row.evidence.push(i);
      });
    });
    return out;
  }
  function eventClaims(ev) {
    var evidence = arr(ev.evidence).map(function (sp) { return sp && typeof sp === 'object' && !Array.isArray(sp) ? sp : null; });
    var rows = valueRows(ev, evidence), claims = [];
    function row(slot, value, idx) {
      var by = {}, order = [];
      idx.forEach(function (i) { if (!evidence[i]) return; var a = accOf(evidence[i]); if (!by[a]) { by[a] = []; order.push(a); } by[a].push(evidence[i]); });
      return { event: ev.id, slot: slot, value: value, independent: order.length, conflict: IDX.confOfSlot[ev.id + '|' + slot] || null,
        accounts: order.map(function (a) { return { account: a, evidence: by[a] }; }) };
    }
    Object.keys(rows).sort(function (a, b) { return slotRank(a) - slotRank(b) || (a < b ? -1 : a > b ? 1 : 0); })
      .forEach(function (slot) { rows[slot].forEach(function (r) { claims.push(row(slot, r.value, r.evidence)); }); });
    arr(ev.participants).forEach(function (p) {
      if (!p || typeof p !== 'object' || !p.entity || Object.prototype.hasOwnProperty.call(rows, p.role)) return;
      var accs = Array.isArray(p.accounts) ? p.accounts : null, idx = [];
      evidence.forEach(function (sp, i) { if (sp && (!accs || accs.indexOf(accOf(sp)) >= 0)) idx.push(i); });
      claims.push(row(p.role || 'participant', p.entity, idx));
    });
    return claims;
  }
  function aboutEntity(ev, id) {
    if (arr(ev.participants).some(function (p) { return p && p.entity === id; }) || [ev.origin, ev.destination, ev.place].indexOf(id) >= 0) return true;
    var vals = ev.values && typeof ev.values === 'object' ? ev.values : {};
    return Object.keys(vals).some(function (k) { return arr(vals[k]).some(function (r) { var v = r && r.value; return v === id || (Array.isArray(v) && v.indexOf(id) >= 0); }); });
  }
  // a cited name as the reader's language writes it: the entity it names, else as written
  function linkName(lk) {
    var id = lk.entity || IDX.byName[norm(lk.name || '').t.trim()];
    return id && ent(id) ? nm(id) : String(lk.text || lk.name || '?').trim();
  }
  function isnadOf(sp) {
    var d = docOf(sp && sp.doc), pub = d && typeof d.outlet === 'string' && d.outlet.trim() ? linkName({ name: d.outlet }) : (d ? outletOf(d) : String(sp && sp.doc));
    var out = [{ name: pub, kind: 'publisher' }];
    arr(sp && sp.attribution && sp.attribution.chain).forEach(function (lk) {
      if (!lk || !lk.name) return;
      var label = linkName(lk);
      if (norm(label).t.trim() === norm(out[out.length - 1].name).t.trim()) return;
      out.push({ name: label, kind: lk.kind || 'source' });
    });
    return out;
  }
  function slotText(slot) { var k = 'field_' + slot; if (L(k) !== k) return L(k); k = 'role_' + slot; return L(k) !== k ? L(k) : slot; }
  function claimValue(c) {
    var v = c.value;
    if (c.slot === 'polarity') { var k = 'polval_' + v; return L(k) !== k ? L(k) : String(v); }
    if (c.slot === 'time' && v && typeof v === 'object') return v.text || timeText(v);
    if (Array.isArray(v)) return v.map(function (x) { return nm(x); }).join(' + ');
    if (v && typeof v === 'object') return v.text || JSON.stringify(v);
    return nm(v);
  }
  function isnadChips(chain) {
    var box = el('span', { cls: 'isnad' });
    chain.forEach(function (lk, i) {
      if (i) box.appendChild(el('span', { cls: 'arr', text: S.lang === 'ar' ? '←' : '→' }));
      box.appendChild(el('span', { cls: 'lk ' + (lk.kind === 'publisher' ? 'outlet' : lk.kind), title: L('kind_' + lk.kind), text: lk.name }));
    });
    return box;
  }
  function claimsFilter() {
    return el('div', { cls: 'toolbar', id: 'claims-filter' }, [
      el('button', { cls: 'btn' + (S.cf ? '' : ' on'), id: 'claims-all', text: L('all_claims'), onclick: function () { S.cf = ''; draw(); } }),
      el('button', { cls: 'btn' + (S.cf === 'disputed' ? ' on' : ''), id: 'claims-disputed', text: '⚠ ' + L('disputed_only'), onclick: function () { S.cf = 'disputed'; draw(); } })]);
  }
  function claimsTable(evs) {
    var t = el('table', { cls: 'claims', id: 'claims-table' }, el('tr', null, [L('claim'), L('independent'), L('who_says_it')].map(function (h) { return el('th', { text: h }); })));
    evs.forEach(function (ev) {
      var cs = eventClaims(ev).filter(function (c) { return S.cf !== 'disputed' || c.conflict; });
      if (!cs.length) return;
      t.appendChild(el('tr', { cls: 'claim-event', 'data-id': ev.id }, el('td', { colspan: 3 }, [
        el('a', { cls: 'link open-event', 'data-id': ev.id, text: eventTitle(ev), onclick: function () { openEvent(ev.id); } }), ' ',
        el('span', { cls: 'mut', text: timeText(ev.time) + ' · ' + L('corroboration') + ': ' + (ev.corroboration != null ? ev.corroboration : '?') })])));
      cs.forEach(function (c) {
        var who = el('td', null, c.accounts.map(function (a) {
          var chains = [], seen = {};
          a.evidence.forEach(function (sp) { var ch = isnadOf(sp), k = JSON.stringify(ch); if (!seen[k]) { seen[k] = 1; chains.push(ch); } });
          var first = a.evidence[0], q = spanText(first);
          return el('div', { cls: 'account-says', 'data-account': a.account }, chains.map(isnadChips).concat([
            el('div', { cls: 'quote small', dir: 'auto', title: q, text: q.length > 140 ? q.slice(0, 139) + '…' : (q || '—') }),
            el('span', { cls: 'mut' }, [a.evidence.length > 1 ? L('open_sentence') + ': ' : null].concat(a.evidence.map(function (sp, k) {
              return el('a', { cls: 'link goto', 'data-doc': sp.doc, 'data-start': sp.start, 'data-end': sp.end, style: 'margin-inline-end:6px;unicode-bidi:isolate', text: a.evidence.length > 1 ? String(k + 1) : L('open_sentence'), onclick: function () { gotoSpan(sp); } });
            })))]));
        }));
        t.appendChild(el('tr', { cls: 'claim' + (c.conflict ? ' disputed' : ''), 'data-event': ev.id, 'data-slot': c.slot }, [
          el('td', null, [el('span', { cls: 'mut', text: slotText(c.slot) + ': ' }), el('b', { text: claimValue(c) }),
            c.conflict ? el('a', { cls: 'tag warn link', text: '⚠ ' + L('kind_' + (c.conflict.kind || 'contradiction')), onclick: function () { S.tab = 'conflicts'; S.focus = c.conflict.id; draw(); } }) : null]),
          el('td', { cls: 'n-independent', text: c.independent }), who]));
      });
    });
    if (t.childNodes.length === 1) t.appendChild(el('tr', null, el('td', { colspan: 3, cls: 'mut', text: L('none') })));
    return t;
  }
  function vEvent(main) {
    var ev = IDX.ev[S.event];
    main.appendChild(el('div', { cls: 'toolbar' }, [el('button', { cls: 'btn', id: 'back', text: L('back'), onclick: function () { if (history.length > 1) history.back(); else { S.tab = 'timeline'; draw(); } } })]));
    if (!ev) { main.appendChild(el('p', { cls: 'mut', text: L('none') })); return; }
    main.appendChild(eventCard(ev, true));      // its sentences are in the table, under who says them
    main.appendChild(el('h3', { text: L('who_says') }));
    main.appendChild(claimsFilter());
    main.appendChild(claimsTable([ev]));
  }

  // ---------- actor graph ----------
  function vGraph(main) {
    var nodes = {}, edges = {};
    function node(id, label, type) { if (!nodes[id]) nodes[id] = { id: id, label: label, type: type, deg: 0 }; return nodes[id]; }
    function edge(a, b, kind, sp) { if (a === b) return; var k = kind + '|' + a + '|' + b; edges[k] = edges[k] || { a: a, b: b, kind: kind, w: 0, ev: [] }; edges[k].w++; nodes[a].deg++; nodes[b].deg++; arr(sp).forEach(function (x) { if (x && edges[k].ev.length < 20) edges[k].ev.push(x); }); }
    // a source in an isnad is a name as written ("nbc news", "kamal saqr"): matched to an entity without case or diacritics
    var byName = {}; D.entities.forEach(function (e) { [e.name_ar, e.name_en].concat(arr(e.aliases)).forEach(function (n) { if (n) byName[norm(n).t] = e.id; }); });
    D.events.forEach(function (ev) {
      var ps = arr(ev.participants).map(function (p) { return p && p.entity; }).filter(function (id) { var e = ent(id); return e && (e.type === 'person' || e.type === 'organization'); });
      ps.forEach(function (id) { node(id, nm(id), ent(id).type); });
      for (var i = 0; i < ps.length; i++) for (var j = i + 1; j < ps.length; j++) edge(ps[i], ps[j], 'with', ev.evidence);
      arr(ev.evidence).forEach(function (sp) {
        var ch = arr(sp && sp.attribution && sp.attribution.chain); if (!ch.length) return;
        var src = ch[ch.length - 1]; if (!src || !src.name) return;
        var sid = byName[norm(src.name).t] || ('src:' + src.name);
        node(sid, ent(sid) ? nm(sid) : src.name, ent(sid) ? ent(sid).type : 'source');
        ps.forEach(function (p) { if (ent(p).type === 'person') edge(sid, p, 'reported', [sp]); });
      });
    });
    var N = Object.keys(nodes).map(function (k) { return nodes[k]; });
    var E = Object.keys(edges).map(function (k) { return edges[k]; });
    var W = Math.max(600, (main.clientWidth || 1100) - 410), H = 600;
    var side = el('div', { cls: 'side', id: 'graph-detail' }, el('div', { cls: 'mut', text: S.lang === 'ar' ? 'انقر خطًّا لترى الجمل التي يقوم عليها.' : 'Click a line to see the sentences behind it.' }));
    N.sort(function (a, b) { return a.id < b.id ? -1 : 1; });
    N.forEach(function (n, i) { var a = 2 * Math.PI * i / N.length; n.x = W / 2 + Math.cos(a) * H / 3; n.y = H / 2 + Math.sin(a) * H / 3; n.vx = 0; n.vy = 0; });
    var byId = {}; N.forEach(function (n) { byId[n.id] = n; });
    for (var it = 0; it < 300; it++) {
      for (var i = 0; i < N.length; i++) for (var j = i + 1; j < N.length; j++) {
        var a = N[i], b = N[j], dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, f = 9000 / d2;
        var d = Math.sqrt(d2); a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
      }
      E.forEach(function (e) { var a = byId[e.a], b = byId[e.b], dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1, f = (d - 120) * 0.02; a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f; });
      N.forEach(function (n) { n.vx += (W / 2 - n.x) * 0.005; n.vy += (H / 2 - n.y) * 0.005; n.x += Math.max(-20, Math.min(20, n.vx)) ; n.y += Math.max(-20, Math.min(20, n.vy)); n.vx *= 0.5; n.vy *= 0.5; n.x = Math.max(60, Math.min(W - 60, n.x)); n.y = Math.max(20, Math.min(H - 20, n.y)); });
    }
    var svg = sv('svg', { id: 'graph-svg', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, style: 'background:#fff;border:1px solid #ddd8cc;direction:ltr;max-width:100%;height:auto' });
    var defs = sv('defs'); var mk = sv('marker', { id: 'garr', viewBox: '0 0 10 10', refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' }); mk.appendChild(sv('path', { d: 'M0,0L10,5L0,10z', fill: '#8e44ad' })); defs.appendChild(mk); svg.appendChild(defs);
    E.forEach(function (e) {
      var a = byId[e.a], b = byId[e.b];
      var ln = sv('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: e.kind === 'with' ? '#2471a3' : '#8e44ad', 'stroke-width': 1 + Math.min(4, e.w), 'stroke-dasharray': e.kind === 'with' ? null : '5 3', 'marker-end': e.kind === 'with' ? null : 'url(#garr)', 'stroke-opacity': 0.7 });
      ln.appendChild(sv('title', { text: a.label + ' — ' + L(e.kind) + ' — ' + b.label + ' (' + e.w + ')' }));
      ln.setAttribute('class', 'gedge'); ln.style.cursor = 'pointer';
      ln.addEventListener('click', function () { side.textContent = ''; side.appendChild(el('h4', { text: a.label + ' — ' + L(e.kind) + ' — ' + b.label })); e.ev.forEach(function (sp) { side.appendChild(evidenceBlock(sp)); }); });
      svg.appendChild(ln);
    });
    N.forEach(function (n) {
      var col = { person: '#d35400', organization: '#8e44ad', source: '#7f8c8d' }[n.type] || '#2c3e50';
      var g = sv('g', { class: 'gnode', 'data-id': n.id, style: 'cursor:pointer', onclick: function () { if (ent(n.id) && ent(n.id).type === 'person') openPerson(n.id); } });
      g.appendChild(sv('circle', { cx: n.x, cy: n.y, r: 6 + Math.min(10, n.deg), fill: col, stroke: '#fff', 'stroke-width': 2 }));
      g.appendChild(sv('text', { x: n.x, y: n.y - 10 - Math.min(10, n.deg), 'font-size': 12, 'text-anchor': 'middle', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke', text: n.label }));
      svg.appendChild(g);
    });
    main.appendChild(el('div', { cls: 'legend toolbar' }, [el('span', null, [el('i', { cls: 'sw', style: 'background:#2471a3' }), L('with')]), el('span', null, [el('i', { cls: 'sw', style: 'background:#8e44ad' }), L('reported')])]));
    main.appendChild(el('div', { cls: 'split' }, [el('div', { cls: 'grow' }, svg), side]));
  }

  // ---------- conflicts ----------
  // a value as the reader's language names it (reconcile writes label_en/label_ar); a time by its words
  function valueText(v) {
    if (!v) return '?';
    var lab = S.lang === 'ar' ? (v.label_ar || v.label_en) : (v.label_en || v.label_ar);
    if (lab) return lab;
    var x = v.value;
    if (x == null) return '?';
    if (typeof x === 'object') return x.text || (x.earliest || x.latest ? timeText(x) : arr(x).map(function (y) { return nm(y); }).join(' + ') || '?');
    return nm(x) || String(x);
  }

  function vConflicts(main) {
    if (!D.conflicts.length) main.appendChild(el('p', { cls: 'mut', text: L('none') }));
    // contradictions (the accounts cannot all be true) first; refinements (the same value told at
    // different precision) apart, under their own heading; older stores' "precision" is a refinement
    function isRefinement(c) { return c.kind === 'refinement' || c.kind === 'precision'; }
    var contra = D.conflicts.filter(function (c) { return !isRefinement(c); }), refine = D.conflicts.filter(isRefinement);
    [[contra, 'contradictions'], [refine, 'refinements']].forEach(function (grp) {
      if (!grp[0].length) return;
      main.appendChild(el('h2', { id: 'conflicts-' + grp[1], text: L('conflicts_' + grp[1]) + ' (' + grp[0].length + ')' }));
      grp[0].forEach(conflictCard);
    });
    function conflictCard(c) {
      var card = el('div', { cls: 'card conflict' + rvCls(c), id: 'conflict-' + c.id, style: S.focus === c.id ? 'outline:3px solid #e67e22' : null });
      card.appendChild(el('h3', null, [el('span', { cls: 'tag warn', text: L('kind_' + (c.kind || 'contradiction')) }),  ' ', cq(c) || c.id,
        c.event && IDX.ev[c.event] ? el('a', { cls: 'tag link open-event', 'data-id': c.event, style: 'margin-inline-start:8px', text: L('open_event'), onclick: function () { openEvent(c.event); } }) : null]));
      var sum = S.lang === 'ar' ? (c.summary_ar || c.summary_en) : (c.summary_en || c.summary_ar);
      if (sum) card.appendChild(el('p', { text: sum }));
      card.appendChild(el('div', { cls: 'cols' }, arr(c.values).map(function (v, i) {
        var docs = arr(v && v.documents).map(function (id) { return outletOf(docOf(id)) || id; });
        return el('div', { cls: 'card account', style: 'border-top:4px solid ' + color(i) }, [
          el('b', { text: valueText(v) }),
          el('div', { cls: 'mut', text: arr(v && v.documents).length + ' ' + L('documents') + (docs.length ? ': ' + docs.join('، ') : '') }),
          el('div', null, arr(v && v.evidence).map(evidenceBlock))]);
      })));
      add(card, reviewBar('conflict', c.id, c));
      main.appendChild(card);
    }
    if (S.focus && typeof S.focus === 'string') { var n = document.getElementById('conflict-' + S.focus); if (n && n.scrollIntoView) setTimeout(function () { n.scrollIntoView({ block: 'center' }); }, 0); }
  }

  // ---------- sources ----------
  function docMarks(d) {
    var marks = [];
    D.events.forEach(function (ev) { arr(ev.evidence).forEach(function (sp) { if (sp && sp.doc === d.id) marks.push({ k: 'ev', s: sp.start, e: sp.end, ev: ev, sp: sp }); }); });
    D.entities.forEach(function (en) { arr(en.mentions).forEach(function (m) { if (m && m.doc === d.id) marks.push({ k: 'm-' + en.type, s: m.start, e: m.end, en: en }); }); });
    arr(d.repairs).forEach(function (r) { if (r) marks.push({ k: 'rep', s: r.start, e: r.end, r: r }); });
    (IDX.timesOf[d.id] || []).forEach(function (t) { marks.push({ k: 'tm', s: t.start, e: t.end, t: t }); });
    arr(d.paragraphs).forEach(function (p) { if (p && p.furniture) marks.push({ k: 'furn', s: p.start, e: p.end }); });
    if (S.focus && typeof S.focus === 'object' && S.doc === d.id) marks.push({ k: 'focus', s: S.focus.start, e: S.focus.end });
    var n = d.text.length;
    return marks.filter(function (m) { m.s = Math.max(0, Math.min(n, m.s | 0)); m.e = Math.max(m.s, Math.min(n, m.e | 0)); return m.e > m.s; });
  }
  function vSources(main) {
    if (!S.doc || !docOf(S.doc)) S.doc = D.documents.length ? D.documents[0].id : null;
    var list = el('div', { cls: 'doclist side', id: 'doclist' });
    D.documents.forEach(function (d) {
      var nev = 0; D.events.forEach(function (ev) { arr(ev.evidence).forEach(function (sp) { if (sp && sp.doc === d.id) nev++; }); });
      list.appendChild(el('div', { cls: 'd' + (d.id === S.doc ? ' on' : ''), 'data-id': d.id, onclick: function () { S.doc = d.id; S.focus = null; draw(); } }, [
        el('div', { dir: 'auto', text: d.title || baseName(d.path) || d.id }),
        el('div', { cls: 'mut', text: [d.outlet, d.published, arr(d.languages).join('+') || d.language, nev + ' ' + L('evidence')].filter(Boolean).join(' · ') })]));
    });
    var right = el('div', { cls: 'grow' });
    var d = docOf(S.doc);
    var detail = el('div', { cls: 'card', id: 'span-detail' });
    if (d && typeof d.text === 'string') {
      right.appendChild(el('h3', { dir: 'auto', text: d.title || d.id }));
      right.appendChild(el('div', { cls: 'mut' }, [[d.outlet, d.published, d.url, baseName(d.path)].filter(Boolean).join(' · ') + ' ',
        el('span', { cls: 'tag', style: 'background:#ffe58a', text: L('evidence') }), el('span', { cls: 'tag', style: 'border-bottom:2px solid #d35400', text: L('type_person') }),
        el('span', { cls: 'tag', style: 'border-bottom:2px solid #27ae60', text: L('type_place') }), el('span', { cls: 'tag', style: 'text-decoration:underline wavy #c0392b', text: L('repair') }),
        el('span', { cls: 'tag', style: 'color:#aaa', text: L('furniture') })]));
      var marks = docMarks(d), bounds = {};
      bounds[0] = 1; bounds[d.text.length] = 1; marks.forEach(function (m) { bounds[m.s] = 1; bounds[m.e] = 1; });
      var bs = Object.keys(bounds).map(Number).sort(function (a, b) { return a - b; });
      var starts = marks.slice().sort(function (a, b) { return a.s - b.s; }), si = 0, active = [];
      var box = el('div', { cls: 'doctext', id: 'doctext', dir: S.lang === 'ar' ? 'rtl' : 'ltr' });
      var focusNode = null;
      for (var i = 0; i + 1 < bs.length; i++) {
        var a = bs[i], b = bs[i + 1];
        while (si < starts.length && starts[si].s <= a) active.push(starts[si++]);
        active = active.filter(function (m) { return m.e > a; });
        var cov = active.filter(function (m) { return m.s <= a && m.e >= b; });
        var seg = d.text.slice(a, b);
        if (!cov.length) { box.appendChild(document.createTextNode(seg)); continue; }
        var cls = {}, tip = [];
        cov.forEach(function (m) { cls[m.k] = 1; if (m.en) tip.push(nm(m.en.id) + ' (' + L('type_' + m.en.type) + ')'); if (m.r) tip.push(L('repair') + ': ' + m.r.before + ' → ' + m.r.after); if (m.t) tip.push(L('time') + ': ' + timeText(m.t)); if (m.ev) tip.push(eventTitle(m.ev)); });
        var sp = el('span', { cls: Object.keys(cls).join(' '), 'data-s': a, 'data-e': b, title: tip.join('\n') || null, text: seg });
        var evs = cov.filter(function (m) { return m.k === 'ev'; });
        if (evs.length) (function (evs) { sp.addEventListener('click', function () { detail.textContent = ''; evs.forEach(function (m) { detail.appendChild(eventCard(m.ev)); }); }); })(evs);
        if (cls.focus && !focusNode) focusNode = sp;
        box.appendChild(sp);
      }
      right.appendChild(el('div', { cls: 'split' }, [el('div', { cls: 'grow' }, box), el('div', { cls: 'side' }, detail)]));
      if (S.focus && typeof S.focus === 'object') {
        var facts = D.events.filter(function (ev) { return arr(ev.evidence).some(function (sp) { return sp && sp.doc === d.id && sp.start < S.focus.end && S.focus.start < sp.end; }); });
        facts.forEach(function (ev) { detail.appendChild(eventCard(ev)); });
      }
      if (!detail.firstChild) detail.appendChild(el('div', { cls: 'mut', text: S.lang === 'ar' ? 'انقر على جملة مظللة لترى الحدث وإسناده.' : 'Click a highlighted sentence to see its fact and isnad.' }));
      if (focusNode && focusNode.scrollIntoView) setTimeout(function () { focusNode.scrollIntoView({ block: 'center' }); }, 0);
    }
    if (CONFIG.api && window.fetch && window.FormData) list.appendChild(uploadBox());
    main.appendChild(el('div', { cls: 'split' }, [list, right]));
  }

  // ---------- upload (live app) ----------
  // Writes need the server's token. It is pasted once (or arrives as #token=… in the link
  // `riwaya serve` prints) and kept in this origin's localStorage: a page of another site
  // can neither read it nor send it, and the server refuses writes without it.
  var TOKEN_KEY = 'riwaya-write-token', memToken = null, pendingFile = null;
  function getToken() { try { return localStorage.getItem(TOKEN_KEY) || memToken; } catch (e) { return memToken; } }
  function setToken(t) { memToken = t || null; try { if (t) localStorage.setItem(TOKEN_KEY, t); else localStorage.removeItem(TOKEN_KEY); } catch (e) { } }
  function tokenFromLink() {
    var m = /^#token=([A-Za-z0-9_\-]{16,256})$/.exec(location.hash || '');
    if (!m) return;
    setToken(m[1]);
    if (window.history && history.replaceState) history.replaceState(null, '', location.pathname + location.search);
    else location.hash = '';
  }
  function uploadBox() {
    var file = el('input', { type: 'file', id: 'upload-file', accept: '.txt,.html,.htm,.jsonl,.md' });
    var msg = el('div', { cls: 'mut', id: 'upload-msg', 'aria-live': 'polite' });
    var tok = el('input', { type: 'password', id: 'upload-token', autocomplete: 'off', spellcheck: 'false', placeholder: L('upload_token_hint') });
    var tokRow = el('div', { id: 'upload-token-row' }, [el('label', { 'for': 'upload-token', text: L('upload_token') + ' ' }), tok]);
    tokRow.hidden = !!getToken() && !pendingFile;
    function say(t) { msg.textContent = t; }
    function poll(job) {
      fetch(CONFIG.api + '/jobs/' + encodeURIComponent(job.job)).then(function (r) { return r.json(); }).then(function (j) {
        if (j.status === 'queued' || j.status === 'running') { say(L('upload_' + j.status) + ' — ' + j.filename); setTimeout(function () { poll(job); }, 1000); return; }
        if (j.status === 'failed') { say(L('upload_failed') + ': ' + (j.error || '')); return; }
        return fetch(CONFIG.api + '/export').then(function (r) { return r.json(); }).then(function (data) {
          index(data); S.tab = 'sources'; S.doc = null; draw();
          var m = document.getElementById('upload-msg'); if (m) m.textContent = L('upload_done') + ' — ' + j.filename + (j.errors && j.errors.length ? ' (' + j.errors.join('; ') + ')' : '');
        });
      }).catch(function (e) { say(String(e && e.message || e)); });
    }
    function send(f) {
      var fd = new FormData(); fd.append('file', f);
      var h = {}, t = getToken(); if (t) h.Authorization = 'Bearer ' + t;
      say('…');
      fetch(CONFIG.api + '/documents', { method: 'POST', body: fd, headers: h }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (r.status === 401) { setToken(null); pendingFile = f; tokRow.hidden = false; tok.focus(); say((j.detail || r.status) + ' — ' + L('upload_token_hint')); return; }
          if (!r.ok) { say(L('upload_failed') + ': ' + (j.detail || r.status)); return; }
          pendingFile = null; poll(j);
        });
      }).catch(function (e) { say(String(e && e.message || e)); });
    }
    tok.addEventListener('change', function () {
      var t = tok.value.trim(); if (!t) return;
      setToken(t); tok.value = ''; tokRow.hidden = true;
      if (pendingFile) send(pendingFile); else say(L('upload_token_saved'));
    });
    file.addEventListener('change', function () { if (file.files && file.files[0]) send(file.files[0]); });
    return el('div', { cls: 'd' }, [el('label', { 'for': 'upload-file', text: L('upload_add') + ' ' }), file, tokRow, msg]);
  }

  // ---------- review and correct ----------
  // Corrections are kept by the server (POST/DELETE /api/corrections, with the write token) and come
  // back in the export: objects a reviewer touched carry `review` (status, corrected fields with the
  // old value, notes). The offline report shows the marks; the live app also shows the controls.
  var RV_FIELDS = { event: ['type', 'polarity', 'time', 'origin', 'destination', 'place', 'means', 'role:agent', 'role:companion', 'role:patient'], leg: ['from', 'to', 'time', 'means'],
    entity: ['name_ar', 'name_en', 'type', 'merge'], mention: ['source'], conflict: [] };
  var RV_ENTITY = { origin: 1, destination: 1, place: 1, from: 1, to: 1, merge: 1 };
  function rvValue(v) {
    if (v == null) return '—';
    if (typeof v === 'string') return ent(v) ? nm(v) : v.replace(/^raw:/, '');
    if (Array.isArray(v)) return v.map(rvValue).join(S.lang === 'ar' ? '، ' : ', ');
    if (typeof v === 'object' && (v.earliest || v.latest)) return timeText(v);
    if (typeof v === 'object' && v.entity) { var hit = D.entities.filter(function (e) { return v.entity === 'kb:' + e.kb_id; })[0]; return hit ? nm(hit.id) : v.entity; }
    if (typeof v === 'object' && v.text) return v.text;
    return JSON.stringify(v);
  }
  function rvMarks(obj) {
    var r = obj && obj.review; if (!r) return null;
    var box = el('span', { cls: 'rv-marks' });
    if (r.status) box.appendChild(el('span', { cls: 'tag rv-' + r.status, text: r.status === 'confirmed' ? '✓ ' + L('rv_confirmed') : '✗ ' + L('rv_rejected') }));
    Object.keys(r.corrected || {}).forEach(function (f) {
      var c = r.corrected[f];
      box.appendChild(el('span', { cls: 'tag rv-corrected', title: (c.author ? c.author + ' · ' : '') + (c.at || '') + ' #' + c.correction,
        text: '✎ ' + L('rv_f_' + f) + ': ' + rvValue(c.old) + ' → ' + rvValue(c.new) }));
    });
    if (r.settled_by != null) box.appendChild(el('span', { cls: 'tag rv-corrected', text: '✎ ' + L('rv_settled') + ' #' + r.settled_by }));
    arr(r.notes).forEach(function (n) { box.appendChild(el('span', { cls: 'tag rv-note', title: (n.author || '') + ' ' + (n.at || ''), text: L('rv_note') + ': ' + n.note })); });
    return box;
  }
  function rvCls(obj) { var s = obj && obj.review && obj.review.status; return s ? ' rv-is-' + s : ''; }
  var RV_AUTHOR = 'riwaya-reviewer';
  function rvAuthor() { try { return localStorage.getItem(RV_AUTHOR) || null; } catch (e) { return null; } }
  function rvSend(method, path, body, say) {
    var h = { 'Content-Type': 'application/json' }, t = getToken(); if (t) h.Authorization = 'Bearer ' + t;
    if (body && !body.author && rvAuthor()) body.author = rvAuthor();
    return fetch(CONFIG.api + path, { method: method, headers: h, body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (r.status === 401) {
          setToken(null);
          var tok = window.prompt(L('upload_token_hint'));
          if (tok && tok.trim()) { setToken(tok.trim()); return rvSend(method, path, body, say); }
        }
        if (!r.ok) { say(L('rv_failed') + ': ' + (typeof j.detail === 'string' ? j.detail : JSON.stringify(j.detail || r.status))); return null; }
        return fetch(CONFIG.api + '/export').then(function (x) { return x.json(); }).then(function (data) { index(data); draw(); return j; });
      });
    }).catch(function (e) { say(String(e && e.message || e)); return null; });
  }
  // the controls of one target: confirm, reject, correct a field, note
  function reviewBar(kind, target, obj) {
    var marks = rvMarks(obj);
    if (!CONFIG.api || !window.fetch) return marks ? el('div', { cls: 'rv-bar' }, marks) : null;
    var msg = el('span', { cls: 'mut rv-msg', 'aria-live': 'polite' });
    var form = el('div', { cls: 'rv-form' }); form.hidden = true;
    function say(t) { msg.textContent = t; }
    function post(body) { say('…'); return rvSend('POST', '/corrections', Object.assign({ kind: kind, target: target }, body), say); }
    function open(mode) {
      form.textContent = ''; form.hidden = false;
      var fields = RV_FIELDS[kind] || [];
      var sel = el('select', { cls: 'rv-field', 'aria-label': L('rv_field') }, fields.map(function (f) { return el('option', { value: f, text: L('rv_f_' + f) }); }));
      var lid = 'rv-list-' + Math.random().toString(36).slice(2);
      var list = el('datalist', { id: lid });
      var val = el('input', { cls: 'rv-value', list: lid, placeholder: L('rv_value'), dir: 'auto' });
      var why = el('input', { cls: 'rv-why', placeholder: mode === 'note' ? L('rv_note') : L('rv_why'), dir: 'auto' });
      function options() {
        list.textContent = ''; var f = sel.value;
        if (RV_ENTITY[f] || f.slice(0, 5) === 'role:') D.entities.filter(function (e) { return f === 'merge' ? e.type === (obj && obj.type) && e.id !== target : f.slice(0, 5) === 'role:' ? e.type === 'person' || e.type === 'organization' : e.type === 'place'; })
          .forEach(function (e) { list.appendChild(el('option', { value: e.id, label: [e.name_ar, e.name_en].filter(Boolean).join(' / ') })); });
        else if (f === 'type' && kind === 'entity') ['person', 'organization', 'place', 'vehicle', 'other'].forEach(function (t) { list.appendChild(el('option', { value: t })); });
        else if (f === 'type') Object.keys(LABELS.en || {}).filter(function (k) { return k.slice(0, 6) === 'etype_'; }).forEach(function (k) { list.appendChild(el('option', { value: k.slice(6), label: L(k) })); });
        else if (f === 'polarity') ['asserted', 'denied', 'hedged', 'planned', 'hypothetical', 'question', 'requested'].forEach(function (p) { list.appendChild(el('option', { value: p })); });
        val.placeholder = f === 'time' ? '2024-12-08T01:30+03:00 / A/B' : L('rv_value');
      }
      sel.addEventListener('change', options);
      var save = el('button', { cls: 'btn rv-save', text: L('rv_save'), onclick: function () {
        if (mode === 'note') { if (why.value.trim()) post({ action: 'note', note: why.value.trim() }); return; }
        post({ field: sel.value, value: val.value.trim(), note: why.value.trim() || null });
      } });
      var cancel = el('button', { cls: 'btn', text: L('rv_cancel'), onclick: function () { form.hidden = true; } });
      if (mode === 'note') add(form, [why, save, cancel]);
      else { add(form, [sel, val, list, why, save, cancel]); options(); }
      (mode === 'note' ? why : val).focus();
    }
    var bar = el('div', { cls: 'rv-bar', 'data-kind': kind, 'data-target': target }, [marks,
      el('span', { cls: 'rv-buttons' }, [
        el('button', { cls: 'btn rv-confirm', text: L('rv_confirm'), onclick: function () { post({ action: 'confirm' }); } }),
        el('button', { cls: 'btn rv-reject', text: L('rv_reject'), onclick: function () { post({ action: 'reject' }); } }),
        (RV_FIELDS[kind] || []).length ? el('button', { cls: 'btn rv-correct', text: L('rv_correct'), onclick: function () { open('correct'); } }) : null,
        el('button', { cls: 'btn rv-note-btn', text: L('rv_note'), onclick: function () { open('note'); } })]), msg, form]);
    return bar;
  }
  // what a correction is about, as a reader names it, and how to open it (from the objects it marked)
  function rvTargets() {
    var out = {};
    function put(obj, label, open) { arr(obj && obj.review && obj.review.corrections).forEach(function (id) { out[id] = { label: label, open: open }; }); }
    D.entities.forEach(function (e) { put(e, nm(e.id), function () { openPerson(e.id); }); });
    D.events.forEach(function (ev) {
      var sp = arr(ev.evidence)[0];
      put(ev, eventTitle(ev), sp ? function () { gotoSpan(sp); } : null);
      arr(ev.evidence).forEach(function (x) { put(x, eventTitle(ev) + ' — ' + outletOf(docOf(x.doc)), function () { gotoSpan(x); }); });
    });
    D.conflicts.forEach(function (c) { put(c, cq(c) || c.id, function () { S.tab = 'conflicts'; S.focus = c.id; draw(); }); });
    D.itineraries.forEach(function (it) { arr(it.legs).forEach(function (lg) { put(lg, nm(it.person) + ': ' + nm(lg.from) + ' → ' + nm(lg.to), function () { openPerson(it.person); }); }); });
    D.documents.forEach(function (d) { put(d, d.title || outletOf(d), function () { S.tab = 'sources'; S.doc = d.id; S.focus = null; draw(); }); });
    return out;
  }
  // one account's source chain: its marks, and in the live app a button to correct it ("A > B > C")
  function rvSource(sp) {
    var marks = rvMarks(sp);
    if (!CONFIG.api || !window.fetch || !sp.mention) return marks;
    var msg = el('span', { cls: 'mut rv-msg' });
    return el('div', { cls: 'rv-bar' }, [marks, el('button', { cls: 'btn rv-source', text: '✎ ' + L('rv_f_source'), onclick: function () {
      var cur = arr(sp.attribution && sp.attribution.chain).map(function (lk) { return lk && lk.name; }).filter(Boolean).join(' > ');
      var v = window.prompt(L('rv_source_hint'), cur);
      if (v && v.trim() && v.trim() !== cur) rvSend('POST', '/corrections', { kind: 'mention', target: sp.mention, field: 'source', value: v.trim() }, function (t) { msg.textContent = t; });
    } }), msg]);
  }
  function vReview(main) {
    var cs = arr(D.corrections).slice().reverse(), targets = rvTargets();
    var n = { active: 0, orphaned: 0, undone: 0 }; cs.forEach(function (c) { n[c.status] = (n[c.status] || 0) + 1; });
    main.appendChild(el('h2', { text: L('rv_log') }));
    if (CONFIG.api) {
      var who = el('input', { id: 'rv-author', value: rvAuthor() || '', dir: 'auto', placeholder: L('rv_who') });
      who.addEventListener('change', function () { try { if (who.value.trim()) localStorage.setItem(RV_AUTHOR, who.value.trim()); else localStorage.removeItem(RV_AUTHOR); } catch (e) { } });
      main.appendChild(el('div', { cls: 'toolbar' }, [el('label', { 'for': 'rv-author', text: L('rv_author') + ' ' }), who]));
    }
    main.appendChild(el('p', { cls: 'mut', id: 'rv-stats', text: L('rv_stats').replace('{a}', n.active).replace('{o}', n.orphaned).replace('{u}', n.undone) + (CONFIG.api ? '' : ' · ' + L('rv_offline')) }));
    if (!cs.length) { main.appendChild(el('p', { cls: 'mut', text: L('rv_none') })); return; }
    var msg = el('div', { cls: 'mut', 'aria-live': 'polite' });
    var t = el('table', { id: 'review-log' }, [el('tr', null, ['#', L('rv_when'), L('rv_who'), L('rv_target'), L('rv_change'), L('rv_note'), L('rv_status'), ''].map(function (h) { return el('th', { text: h }); }))]);
    cs.forEach(function (c) {
      var what = c.field === 'status' ? (c.new === 'confirmed' ? '✓ ' + L('rv_confirmed') : '✗ ' + L('rv_rejected'))
        : c.field === 'note' ? L('rv_note') : L('rv_f_' + c.field) + ': ' + rvValue(c.old) + ' → ' + rvValue(c.new);
      t.appendChild(el('tr', { cls: 'rv-row rv-' + c.status, 'data-id': c.id }, [
        el('td', { text: c.id }), el('td', { cls: 'mut', text: String(c.at || '').replace('T', ' ').slice(0, 16) }), el('td', { text: c.author || '—' }),
        el('td', null, [el('b', { text: L('rv_kind_' + c.kind) + ' ' }), targets[c.id] && targets[c.id].open
          ? el('a', { cls: 'link rv-open', dir: 'auto', text: targets[c.id].label, onclick: targets[c.id].open }) : null,
          el('div', null, el('code', { cls: 'mut rv-key', text: c.target }))]),
        el('td', { dir: 'auto', text: what }), el('td', { dir: 'auto', text: c.note || '' }),
        el('td', { cls: c.status === 'orphaned' ? 'warn' : '', title: c.reason || null, text: L('rv_status_' + c.status) + (c.reason ? ' — ' + c.reason : '') }),
        el('td', null, CONFIG.api && c.status !== 'undone' ? el('button', { cls: 'btn rv-undo', text: L('rv_undo'), onclick: function () { rvSend('DELETE', '/corrections/' + c.id, null, function (x) { msg.textContent = x; }); } }) : null)]));
    });
    main.appendChild(t); main.appendChild(msg);
  }

  // ---------- search ----------
  var AR_DIAC = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/;
  var AR_MAP = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', '_': ' ', 'ـ': '' };
  function norm(s) { var out = [], map = []; s = String(s || ''); for (var i = 0; i < s.length; i++) { var c = s[i]; if (AR_DIAC.test(c)) continue; c = AR_MAP[c] != null ? AR_MAP[c] : c.toLowerCase(); if (!c) continue; out.push(c); map.push(i); } return { t: out.join(''), map: map }; }
  function qtokens(q) { return norm(q).t.split(/\s+/).filter(Boolean).map(function (w) { var m = /^(وال|بال|فال|كال|لل|ال)(..+)$/.exec(w); return m ? m[2] : (/^al-(.+)/.exec(w) || [0, w])[1]; }); }
  function localSearch(q) {
    var toks = qtokens(q), res = { entities: [], events: [], documents: [] };
    if (!toks.length) return res;
    function hit(s, key) { var t = key && IDX.norm[key] != null ? IDX.norm[key] : norm(s).t; if (key) IDX.norm[key] = t; return toks.every(function (k) { return t.indexOf(k) >= 0; }); }
    D.entities.forEach(function (e) { if (hit(IDX.norm['e:' + e.id] != null ? '' : [e.name_ar, e.name_en].concat(arr(e.aliases)).join(' | '), 'e:' + e.id)) res.entities.push({ id: e.id, type: e.type, name_ar: e.name_ar, name_en: e.name_en }); });
    D.events.forEach(function (ev) { if (IDX.norm['v:' + ev.id] != null) { if (hit('', 'v:' + ev.id)) res.events.push({ id: ev.id, type: ev.type, 'class': ev['class'] }); return; } var txt = [ev.type, ev['class'], ev.time && ev.time.text].concat(arr(ev.participants).map(function (p) { var e = ent(p && p.entity); return e ? [e.name_ar, e.name_en].concat(arr(e.aliases)).join(' ') : ''; })).concat([ev.origin, ev.destination, ev.place].map(function (id) { var e = ent(id); return e ? [e.name_ar, e.name_en].concat(arr(e.aliases)).join(' ') : ''; })).concat(arr(ev.evidence).map(spanText)).join(' | '); if (hit(txt, 'v:' + ev.id)) res.events.push({ id: ev.id, type: ev.type, 'class': ev['class'] }); });
    D.documents.forEach(function (d) { if (typeof d.text !== 'string') return; var n = IDX.norm[d.id] || (IDX.norm[d.id] = norm(d.text)); var i = n.t.indexOf(toks[0]); if (i < 0 || !toks.every(function (k) { return n.t.indexOf(k) >= 0; })) return; var s = n.map[i], e = n.map[i + toks[0].length - 1] + 1; res.documents.push({ doc: d.id, start: s, end: e, snippet: d.text.slice(Math.max(0, s - 60), Math.min(d.text.length, e + 60)) }); });
    return res;
  }
  function vSearch(main) {
    var out = el('div', { id: 'search-results' });
    var inp = el('input', { type: 'search', id: 'search-input', placeholder: L('search_placeholder'), value: S.q || '' });
    function show(res) {
      out.textContent = '';
      out.appendChild(el('h3', { text: L('entities') + ' (' + arr(res.entities).length + ')' }));
      arr(res.entities).forEach(function (r) { out.appendChild(el('div', null, [ent(r.id) ? entLink(r.id) : (r.name_ar || r.name_en || r.id), ' ', el('span', { cls: 'tag', text: L('type_' + r.type) })])); });
      out.appendChild(el('h3', { text: L('events') + ' (' + arr(res.events).length + ')' }));
      arr(res.events).forEach(function (r) { var ev = IDX.ev[r.id]; if (ev) out.appendChild(eventCard(ev)); });
      out.appendChild(el('h3', { text: L('text') + ' (' + arr(res.documents).length + ')' }));
      arr(res.documents).forEach(function (r) { out.appendChild(el('div', { cls: 'card' }, [el('div', { cls: 'quote', dir: 'auto', text: r.snippet || '' }), el('a', { cls: 'link', text: outletOf(docOf(r.doc)) + ' — ' + L('open_sentence'), onclick: function () { gotoSpan(r); } })])); });
    }
    function run() {
      S.q = inp.value; navReplace = true; syncUrl();   // typing replaces the address; it does not fill the history
      if (CONFIG.api && window.fetch) fetch(CONFIG.api + '/search?q=' + encodeURIComponent(S.q)).then(function (r) { return r.json(); }).then(show, function () { show(localSearch(S.q)); });
      else show(localSearch(S.q));
    }
    var timer = null;
    inp.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 200); });
    main.appendChild(el('div', { cls: 'toolbar' }, inp)); main.appendChild(out);
    if (S.q) run();
    setTimeout(function () { inp.focus(); }, 0);
  }

  // ---------- boot ----------
  function boot(data) {
    if (CONFIG.api) tokenFromLink();
    index(data); fromHash(); navReplace = true; draw();
    window.addEventListener('popstate', onAddress); window.addEventListener('hashchange', onAddress);
    window.riwaya = { state: S, data: D, norm: norm, search: localSearch, draw: draw, gotoSpan: gotoSpan, openPerson: openPerson, openEvent: openEvent,
      claims: function (id) { var ev = IDX.ev[id]; return ev ? eventClaims(ev) : null; }, isnad: isnadOf, color: color };
    document.body.setAttribute('data-ready', '1');
  }
  var embedded = jsonOf('riwaya-data');
  if (embedded) boot(embedded);
  else if (CONFIG.api && window.fetch) fetch(CONFIG.api + '/export').then(function (r) { return r.json(); }).then(boot, function () { boot({}); });
  else boot({});
})();
