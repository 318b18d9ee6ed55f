// The page of `speechtree serve`: paste or drop a document, see its outline,
// numbering findings and diagnostics. Everything goes to this server only.
//
// The API's spans are byte offsets into the UTF-8 text; the page converts
// them to JavaScript string (UTF-16) indices through a per-line table, so
// Chinese text and characters outside the BMP land where they should.
// The text is shown one element per line (never per character), built in
// chunks between frames so a long report does not freeze the page.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const input = $('input');
  const view = $('textview');
  const tree = $('tree');
  const RULES = {
    'skipped-ordinal': '跳号',
    'duplicate-ordinal': '重号或重新开始',
    'not-starting-at-one': '未从一开始',
    'level-order': '层级顺序不规范',
    'non-standard-delimiter': '编号标点不规范',
    'mixed-width': '全角半角混用',
    'empty-heading': '标题为空',
    'depth-limit': '嵌套过深',
    'punctuation-after-ordinal': '序次语后不用标点',
    'mixed-style': '同级编号样式混用',
    'single-item': '单项不编号',
    'boilerplate-share': '大段内容被视为页面杂项',
    'markup-as-text': 'Markdown 标记过密，按纯文本读取',
  };
  const FURNITURE = {
    title: '标题', subtitle: '副标题', byline: '署名', salutation: '称呼', closing: '结束语',
    signature: '落款', date: '日期', page_number: '页码', header: '页眉', footer: '页脚',
    contents: '目录', attachments: '附件说明', notes: '注释', noise: '网页杂项',
  };
  const CHUNK_LINES = 250;
  const TREE_CHUNK_NODES = 600;

  let current = null; // { name, source: {file}|{text}, analysis, table, lines, lineEls }
  let renderToken = 0;
  let highlighted = []; // line indices currently decorated with the highlight
  let highlight = null; // [u16start, u16end)
  const timings = {}; // milliseconds of the last analysis's steps, for tests

  $('origin').textContent = location.host;

  // ---- byte offsets to UTF-16 indices ----

  // Lines of `text` with their starts in UTF-16 units and in UTF-8 bytes.
  function buildTable(text) {
    const u16 = [0];
    const bytes = [0];
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { b += 4; i++; }
      else b += 3;
      if (c === 10) { u16.push(i + 1); bytes.push(b); }
    }
    return { u16, bytes, byteLength: b, length: text.length };
  }

  function lineOfByte(table, b) {
    let lo = 0, hi = table.bytes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (table.bytes[mid] <= b) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function lineOfIndex(table, i) {
    let lo = 0, hi = table.u16.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (table.u16[mid] <= i) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // The UTF-16 index of byte offset `b` (a character boundary).
  function byteToIndex(text, table, b) {
    if (b >= table.byteLength) return table.length;
    const line = lineOfByte(table, b);
    let i = table.u16[line];
    let at = table.bytes[line];
    while (at < b && i < text.length) {
      const c = text.charCodeAt(i);
      if (c < 0x80) { at += 1; i += 1; }
      else if (c < 0x800) { at += 2; i += 1; }
      else if (c >= 0xd800 && c <= 0xdbff) { at += 4; i += 2; }
      else { at += 3; i += 1; }
    }
    return i;
  }

  function spanToRange(span) {
    const { text, table } = current;
    return [byteToIndex(text, table, span.start), byteToIndex(text, table, span.end)];
  }

  // ---- requests ----

  function showError(message) {
    const el = $('error');
    el.textContent = message;
    el.hidden = !message;
  }

  async function errorMessage(res) {
    try {
      const body = await res.json();
      if (body && body.error) {
        const e = body.error;
        const where = e.offset !== undefined ? `（第 ${e.line} 行第 ${e.column} 列，字节偏移 ${e.offset}）` : '';
        return `无法读取（${e.status}）${where}：${e.message}`;
      }
    } catch (_) { /* not JSON */ }
    return `请求失败：HTTP ${res.status}`;
  }

  function requestInit(source) {
    if (source.file) {
      const form = new FormData();
      form.append('file', source.file, source.file.name);
      return { method: 'POST', body: form };
    }
    return { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: source.text };
  }

  async function analyse(source, name) {
    showError('');
    $('busy').hidden = false;
    document.body.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch('/api/analyse', requestInit(source));
      if (!res.ok) {
        showError(await errorMessage(res));
        return;
      }
      const t0 = performance.now();
      const analysis = await res.json();
      timings.json = performance.now() - t0;
      // Let the page breathe between reading the answer and building on it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      show(source, name, analysis);
    } catch (e) {
      showError('无法连接本机服务：' + e.message);
    } finally {
      $('busy').hidden = true;
      document.body.removeAttribute('aria-busy');
    }
  }

  // ---- showing an analysis ----

  function show(source, name, analysis) {
    const t0 = performance.now();
    const text = analysis.text;
    const table = buildTable(text);
    current = { name, source, analysis, text, table, lineEls: [], rendered: 0, decorations: new Map() };
    highlight = null;
    highlighted = [];
    const c = analysis.counts;
    $('count-sections').textContent = c.sections;
    $('count-points').textContent = c.points;
    $('count-findings').textContent = c.findings ? `${c.findings}（错误 ${c.errors}，警告 ${c.warnings}）` : '0';
    $('count-diagnostics').textContent = c.diagnostics;
    $('count-lines').textContent = table.u16.length - (text.endsWith('\n') ? 1 : 0);
    $('count-name').textContent = name;
    for (const b of document.querySelectorAll('.downloads button')) b.disabled = false;
    $('edit').disabled = false;
    collectDecorations(analysis);
    renderToken++;
    const t1 = performance.now();
    buildTree(analysis.document);
    const t2 = performance.now();
    buildFindings(analysis);
    input.hidden = true;
    view.hidden = false;
    renderText();
    const t3 = performance.now();
    Object.assign(timings, { table: t1 - t0, tree: t2 - t1, rest: t3 - t2 });
  }

  // Lint underlines, per line: [from, to, class, title] in UTF-16 units within the line.
  function collectDecorations(analysis) {
    const { table, text, decorations } = current;
    for (const f of analysis.findings) {
      const [a, b0] = spanToRange(f);
      const b = Math.max(b0, Math.min(a + 1, text.length));
      for (let l = lineOfIndex(table, a); l <= lineOfIndex(table, Math.max(a, b - 1)); l++) {
        const start = table.u16[l];
        const list = decorations.get(l) || [];
        list.push([Math.max(a, start) - start, b - start, 'lint-' + f.severity, f.message]);
        decorations.set(l, list);
      }
    }
  }

  function lineText(l) {
    const { text, table } = current;
    const start = table.u16[l];
    let end = l + 1 < table.u16.length ? table.u16[l + 1] : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return text.slice(start, end);
  }

  // Fills a line's text element: plain text, or pieces with underlines and the highlight.
  function paintLine(l) {
    const el = current.lineEls[l];
    if (!el) return;
    const tx = el.lastChild;
    const s = lineText(l);
    const start = current.table.u16[l];
    const ranges = (current.decorations.get(l) || []).slice();
    let full = false;
    el.classList.remove('hl', 'hl-first');
    if (highlight) {
      const [a, b] = highlight;
      const lineEnd = start + s.length;
      if (a <= start && b >= lineEnd && b > start) full = true;
      else if (a < lineEnd + 1 && b > start) ranges.push([Math.max(a, start) - start, Math.min(b, lineEnd) - start, 'mark', '']);
      if (a >= start && a <= lineEnd) el.classList.add('hl-first');
    }
    if (full) el.classList.add('hl');
    if (!ranges.length) { tx.textContent = s; return; }
    // Split at every boundary; each piece carries the classes covering it.
    const cuts = new Set([0, s.length]);
    for (const [a, b] of ranges) { cuts.add(Math.max(0, Math.min(a, s.length))); cuts.add(Math.max(0, Math.min(b, s.length))); }
    const points = [...cuts].sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [p, q] = [points[i], points[i + 1]];
      if (p === q) continue;
      const piece = s.slice(p, q);
      const over = ranges.filter(([a, b]) => a <= p && b >= q);
      if (!over.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      let node = document.createTextNode(piece);
      for (const [, , cls, title] of over) {
        const wrap = document.createElement(cls === 'mark' ? 'mark' : 'span');
        if (cls !== 'mark') { wrap.className = cls; wrap.title = title; }
        wrap.appendChild(node);
        node = wrap;
      }
      frag.appendChild(node);
    }
    tx.replaceChildren(frag);
  }

  function makeLine(l) {
    const el = document.createElement('div');
    el.className = 'line';
    const no = document.createElement('span');
    no.className = 'no';
    no.textContent = l + 1;
    const tx = document.createElement('span');
    tx.className = 'tx';
    el.append(no, tx);
    current.lineEls[l] = el;
    paintLine(l);
    return el;
  }

  function lineCount() {
    const t = current.table;
    return current.text.endsWith('\n') ? t.u16.length - 1 : t.u16.length;
  }

  // Renders lines up to `upto` (exclusive) now.
  function renderUpTo(upto) {
    const n = Math.min(upto, lineCount());
    if (current.rendered >= n) return;
    const frag = document.createDocumentFragment();
    for (let l = current.rendered; l < n; l++) frag.appendChild(makeLine(l));
    view.appendChild(frag);
    current.rendered = n;
  }

  function renderText() {
    const token = renderToken;
    view.replaceChildren();
    view.dataset.complete = 'false';
    const step = () => {
      if (token !== renderToken) return;
      renderUpTo(current.rendered + CHUNK_LINES);
      if (current.rendered < lineCount()) requestAnimationFrame(step);
      else view.dataset.complete = 'true';
    };
    step();
  }

  // Highlights [a, b) (UTF-16) and scrolls to its first line.
  function highlightRange(a, b) {
    const { table } = current;
    const old = highlighted;
    highlight = [a, b];
    const first = lineOfIndex(table, a);
    const last = lineOfIndex(table, Math.max(a, b - 1));
    renderUpTo(last + 1);
    highlighted = [];
    for (let l = first; l <= last; l++) highlighted.push(l);
    for (const l of old) paintLine(l);
    for (const l of highlighted) paintLine(l);
    const el = current.lineEls[first];
    if (el) el.scrollIntoView({ block: 'center' });
  }

  // ---- the outline tree ----

  function label(node) {
    if (node.type === 'furniture') return [FURNITURE[node.kind] || node.kind, node.value || ''];
    const marker = node.marker ? node.marker.text.trim() : '';
    const head = node.heading || node.lead;
    return [marker, head ? head.title : ''];
  }

  function buildTree(doc) {
    const frag = document.createDocumentFragment();
    let count = 0;
    const add = (parent, nodes, depth) => {
      for (const n of nodes) {
        if (n.type === 'section' || n.type === 'point' || (n.type === 'furniture' && depth === 0 && n.kind !== 'page_number')) {
          const li = document.createElement('li');
          li.className = 'kind-' + n.type;
          li.setAttribute('role', 'treeitem');
          li.setAttribute('aria-level', depth + 1);
          const row = document.createElement('div');
          row.className = 'node';
          row.tabIndex = count === 0 ? 0 : -1;
          row.dataset.start = n.span.start;
          row.dataset.end = n.span.end;
          const twisty = document.createElement('span');
          twisty.className = 'twisty';
          twisty.setAttribute('aria-hidden', 'true');
          const [m, t] = label(n);
          const marker = document.createElement('span');
          marker.className = 'marker';
          marker.textContent = m;
          const title = document.createElement('span');
          title.className = 'title';
          title.textContent = t;
          row.append(twisty, marker, title);
          li.appendChild(row);
          count++;
          const kids = document.createElement('ul');
          kids.setAttribute('role', 'group');
          add(kids, n.children || [], depth + 1);
          if (kids.childElementCount) {
            li.appendChild(kids);
            li.setAttribute('aria-expanded', 'true');
            twisty.textContent = '▾';
          }
          parent.appendChild(li);
        } else if (n.children) {
          add(parent, n.children, depth);
        }
      }
    };
    add(frag, doc.children || [], 0);
    // Top-level items go in a few at a time between frames, so styling a
    // tree of thousands of nodes does not block the page at once.
    const items = [...frag.children];
    tree.replaceChildren();
    tree.dataset.complete = 'false';
    const token = renderToken;
    let at = 0;
    const step = () => {
      if (token !== renderToken) return;
      let nodes = 0;
      const batch = document.createDocumentFragment();
      while (at < items.length && nodes < TREE_CHUNK_NODES) {
        nodes += 1 + items[at].getElementsByTagName('li').length;
        batch.appendChild(items[at++]);
      }
      tree.appendChild(batch);
      if (at < items.length) requestAnimationFrame(step);
      else tree.dataset.complete = 'true';
    };
    step();
    $('tree-empty').hidden = count > 0;
    $('tree-empty').textContent = count ? '' : '没有识别出章节或要点。';
  }

  function visibleRows() {
    return [...tree.querySelectorAll('.node')].filter((r) => r.offsetParent !== null);
  }

  function focusRow(row) {
    if (!row) return;
    for (const r of tree.querySelectorAll('.node[tabindex="0"]')) r.tabIndex = -1;
    row.tabIndex = 0;
    row.focus();
  }

  function activate(row) {
    for (const r of tree.querySelectorAll('.node.selected')) r.classList.remove('selected');
    row.classList.add('selected');
    row.parentElement.setAttribute('aria-selected', 'true');
    const [a, b] = spanToRange({ start: +row.dataset.start, end: +row.dataset.end });
    highlightRange(a, b);
  }

  function toggle(li, open) {
    if (!li.hasAttribute('aria-expanded')) return false;
    const now = li.getAttribute('aria-expanded') === 'true';
    const next = open === undefined ? !now : open;
    li.setAttribute('aria-expanded', String(next));
    li.querySelector('.twisty').textContent = next ? '▾' : '▸';
    return now !== next;
  }

  tree.addEventListener('click', (e) => {
    const row = e.target.closest('.node');
    if (!row) return;
    if (e.target.classList.contains('twisty')) { toggle(row.parentElement); focusRow(row); return; }
    focusRow(row);
    activate(row);
  });

  tree.addEventListener('keydown', (e) => {
    const row = e.target.closest('.node');
    if (!row) return;
    const li = row.parentElement;
    const rows = visibleRows();
    const i = rows.indexOf(row);
    switch (e.key) {
      case 'Enter': case ' ': activate(row); break;
      case 'ArrowDown': focusRow(rows[i + 1]); break;
      case 'ArrowUp': focusRow(rows[i - 1]); break;
      case 'Home': focusRow(rows[0]); break;
      case 'End': focusRow(rows[rows.length - 1]); break;
      case 'ArrowRight':
        if (!toggle(li, true)) { const child = li.querySelector(':scope > ul .node'); if (child && li.getAttribute('aria-expanded') === 'true') focusRow(child); }
        break;
      case 'ArrowLeft':
        if (!toggle(li, false)) { const up = li.parentElement.closest('li'); if (up) focusRow(up.querySelector(':scope > .node')); }
        break;
      default: return;
    }
    e.preventDefault();
  });

  function setAll(open) {
    for (const li of tree.querySelectorAll('li[aria-expanded]')) toggle(li, open);
  }
  $('expand-all').addEventListener('click', () => setAll(true));
  $('collapse-all').addEventListener('click', () => setAll(false));

  // ---- findings and diagnostics ----

  function findingItem(sev, where, title, detail, span) {
    const li = document.createElement('li');
    li.className = sev;
    const b = document.createElement('button');
    b.type = 'button';
    const w = document.createElement('span');
    w.className = 'where';
    w.textContent = where;
    const s = document.createElement('span');
    s.className = 'sev';
    s.textContent = title;
    const r = document.createElement('span');
    r.className = 'rule';
    r.textContent = detail;
    b.append(w, s, r);
    b.addEventListener('click', () => {
      const [a, e] = spanToRange(span);
      highlightRange(a, Math.max(e, a + 1));
    });
    li.appendChild(b);
    return li;
  }

  function buildFindings(analysis) {
    const list = $('findings');
    const frag = document.createDocumentFragment();
    for (const f of analysis.findings) {
      const sev = f.severity === 'error' ? '错误' : '警告';
      frag.appendChild(findingItem(f.severity, `第 ${f.line} 行第 ${f.column} 列`,
        `${sev}：${RULES[f.rule] || f.rule}`, `${f.message}（${f.rule}）`, f));
    }
    list.replaceChildren(frag);
    $('findings-empty').hidden = analysis.findings.length > 0;
    const diags = analysis.document.diagnostics || [];
    const dl = $('diagnostics');
    const dfrag = document.createDocumentFragment();
    const { text, table } = current;
    for (const d of diags) {
      const line = lineOfByte(table, d.span.start);
      const col = byteToIndex(text, table, d.span.start) - table.u16[line] + 1;
      dfrag.appendChild(findingItem('warning', `第 ${line + 1} 行第 ${col} 列`, RULES[d.code] || d.code, d.message, d.span));
    }
    dl.replaceChildren(dfrag);
    $('diagnostics-empty').hidden = diags.length > 0;
  }

  // ---- input: paste, type, open, drop ----

  function analyseInput() {
    const text = input.value;
    if (!text.trim()) return;
    analyse({ text }, '粘贴的文稿');
  }

  // Pasted or dropped text is parsed at once; typing is not interrupted
  // (解析 or Ctrl+Enter parses it).
  input.addEventListener('input', (e) => {
    const pasted = e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop' ||
      (e.inputType === 'insertText' && e.data && e.data.length > 20);
    if (pasted) setTimeout(analyseInput, 0);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); analyseInput(); }
  });
  $('analyse').addEventListener('click', () => {
    if (!input.hidden) analyseInput();
    else if (current) analyse(current.source, current.name);
  });
  $('edit').addEventListener('click', () => {
    if (current) input.value = current.text;
    view.hidden = true;
    input.hidden = false;
    input.focus();
  });
  $('clear').addEventListener('click', () => {
    current = null;
    renderToken++;
    input.value = '';
    view.replaceChildren();
    view.hidden = true;
    input.hidden = false;
    tree.replaceChildren();
    $('findings').replaceChildren();
    $('diagnostics').replaceChildren();
    $('tree-empty').hidden = false;
    $('tree-empty').textContent = '粘贴文稿或打开文件后，这里显示大纲。';
    $('findings-empty').hidden = true;
    $('diagnostics-empty').hidden = true;
    for (const id of ['count-sections', 'count-points', 'count-findings', 'count-diagnostics', 'count-lines', 'count-name']) $(id).textContent = '–';
    for (const b of document.querySelectorAll('.downloads button')) b.disabled = true;
    $('edit').disabled = true;
    showError('');
    input.focus();
  });

  function openFile(file) {
    if (!file) return;
    analyse({ file }, file.name);
  }
  $('file').addEventListener('change', (e) => { openFile(e.target.files[0]); e.target.value = ''; });
  const zone = $('dropzone');
  document.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) zone.classList.remove('over'); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (file) openFile(file);
  });

  // ---- downloads ----

  const EXT = { json: '.json', csv: '.csv', markdown: '.md', outline: '.outline.txt' };
  for (const b of document.querySelectorAll('.downloads button')) {
    b.addEventListener('click', async () => {
      if (!current) return;
      const format = b.dataset.format;
      showError('');
      const res = await fetch('/api/convert?format=' + format + '&name=' + encodeURIComponent(current.name), requestInit(current.source));
      if (!res.ok) { showError(await errorMessage(res)); return; }
      const blob = await res.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      const base = current.name.replace(/\.[^.]*$/, '') || 'document';
      a.download = base + EXT[format];
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    });
  }

  // For tests and the curious: the conversion of byte offsets.
  window.speechtree = { buildTable, byteToIndex, timings };
})();
