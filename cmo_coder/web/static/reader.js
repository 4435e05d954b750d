// The transcript reader: turn a selection (mouse or keyboard) into exact character offsets,
// snap it to whole words, and code, edit, re-span or delete through the JSON API.
//
// Offsets are Python string indices (code points); JavaScript strings count UTF-16 units,
// so every conversion goes through code points, never .length of a DOM string.
//
// The page carries the transcript text once, in the reading view, and each shown coding once, as
// an array of fields in the page data (no quote: it is sliced from the text). This script builds
// the highlighted segments, the stripes and their tooltips from those.
"use strict";

// What the configurations script needs from the reader: the shown codings by id, with their quotes.
const Reader = { codings: new Map() };

(() => {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const components = new Map(data.codebook.components.map((c) => [c.key, c]));
  const stances = new Map(data.codebook.stances.map((s) => [s.key, s]));

  // one entry per code point, as the server counts: the reading view's blocks and the blank gaps between
  const chars = new Array(data.length);
  const put = (at, text) => { Array.from(text).forEach((ch, i) => { chars[at + i] = ch; }); };
  data.gaps.forEach(([at, gap]) => put(at, gap));
  const blocks = [...document.querySelectorAll("#reader .text")];
  for (const block of blocks) {
    const text = block.textContent;
    if (Array.from(text).length !== Number(block.dataset.e) - Number(block.dataset.s)) {
      throw new Error(`the text of block ${block.dataset.s}:${block.dataset.e} did not arrive intact; reload the page`);
    }
    put(Number(block.dataset.s), text);
  }
  const slice = (start, end) => chars.slice(start, end).join("");

  const codings = Reader.codings;
  for (const row of data.codings) {
    const c = Object.fromEntries(data.fields.map((name, i) => [name, row[i]]));
    c.component = c.component === null ? null : components.get(c.component).value;
    c.stance = stances.get(c.stance).value;
    c.text = slice(c.start, c.end);
    codings.set(c.id, c);
  }

  // -- building the reading view: segments covered by the same codings, and one stripe per coding --
  const cssOf = (c) => c.component || "pt_level";
  const shortOf = (c) => (c.component ? data.codebook.components.find((k) => k.value === c.component).short : "PT");
  const markOf = (c) => data.codebook.stances.find((s) => s.value === c.stance).mark;
  function make(tag, props, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  function segments(block, here) {
    const lo = Number(block.dataset.s), hi = Number(block.dataset.e);
    const cuts = new Set([lo, hi]);
    for (const c of here) { cuts.add(Math.max(lo, c.start)); cuts.add(Math.min(hi, c.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const covering = here.filter((c) => c.start < b && c.end > a);
      const kinds = new Set(covering.map(cssOf));
      const css = !covering.length ? "" : (kinds.size > 1 ? " hl hl-multi" : ` hl hl-${[...kinds][0]}`);
      const seg = make("span", { className: `seg${css}`, id: `o${a}`, textContent: slice(a, b) });
      seg.dataset.s = a; seg.dataset.e = b;
      if (covering.length) seg.dataset.codings = covering.map((c) => c.id).join(" ");
      out.push(seg);
    }
    block.replaceChildren(...out);
  }

  function stripe(c) {
    const button = make("button", { type: "button", className: `stripe stripe-${cssOf(c)}`, id: `c-${c.id}` },
      make("span", { textContent: `${c.pt} ${shortOf(c)} ${markOf(c)}` }));
    button.firstChild.setAttribute("aria-hidden", "true");
    button.dataset.coding = c.id;
    button.setAttribute("aria-describedby", `tip-${c.id}`);
    button.setAttribute("aria-label", `Edit coding ${c.pt} ${shortOf(c)} ${c.stance} by ${c.coder}`);
    const tip = make("div", { className: "tip", id: `tip-${c.id}` },
      make("strong", { textContent: `${c.pt}${c.element ? ` · ${c.element}` : ""} · ${shortOf(c)} · ${c.stance}` }),
      make("span", { className: "tip-who", textContent: `${c.coder} · ${c.start}:${c.end}` }),
      make("q", { textContent: c.text }));
    tip.setAttribute("role", "tooltip");
    if (c.memo) tip.append(make("span", { className: "memo" }, "Memo: ", Workbench.showText(make("bdi", {}), c.memo)));
    return make("li", { className: "stripe-item" }, button, tip);
  }

  const shown = [...codings.values()];
  for (const block of blocks) {
    const lo = Number(block.dataset.s), hi = Number(block.dataset.e);
    const here = shown.filter((c) => c.start < hi && c.end > lo);
    segments(block, here);
    const list = block.parentElement.querySelector(".stripes");
    list.replaceChildren(...here.filter((c) => c.start >= lo).map(stripe));
  }
  const panel = document.getElementById("panel");
  const field = (id) => document.getElementById(id);
  let editing = null;                           // the coding being edited, or null when adding
  let span = null;                              // {start, end} the panel will save
  let keySel = null;                            // keyboard selection {turn, start, end}

  const cpLength = (s) => Array.from(s).length;
  const isWord = (ch) => ch !== undefined && /[\p{L}\p{N}_'’-]/u.test(ch);

  // -- DOM point <-> offset ------------------------------------------------------------------
  function pointToOffset(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest(".seg");
      if (!seg) return null;
      return Number(seg.dataset.s) + cpLength(node.data.slice(0, offset));
    }
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (el.classList.contains("seg")) return offset === 0 ? Number(el.dataset.s) : Number(el.dataset.e);
    const kids = el.childNodes;
    if (offset < kids.length) {
      const seg = kids[offset].nodeType === Node.ELEMENT_NODE ? kids[offset].querySelector(".seg") || kids[offset] : null;
      if (seg && seg.dataset && seg.dataset.s !== undefined) return Number(seg.dataset.s);
    }
    const segs = el.querySelectorAll(".seg");
    return segs.length ? Number(segs[segs.length - 1].dataset.e) : null;
  }

  function offsetToPoint(turnEl, offset) {
    for (const seg of turnEl.querySelectorAll(".seg")) {
      const s = Number(seg.dataset.s), e = Number(seg.dataset.e);
      if (offset >= s && offset <= e && seg.firstChild) {
        const units = chars.slice(s, offset).join("").length;
        return [seg.firstChild, units];
      }
    }
    return [turnEl, 0];
  }

  // -- snapping ------------------------------------------------------------------------------
  function snap(start, end, lo, hi) {
    start = Math.max(start, lo); end = Math.min(end, hi);
    while (start < end && /\s/u.test(chars[start])) start++;
    while (end > start && /\s/u.test(chars[end - 1])) end--;
    while (start > lo && isWord(chars[start - 1]) && isWord(chars[start])) start--;
    while (end < hi && isWord(chars[end - 1]) && isWord(chars[end])) end++;
    // a placeholder such as [name removed] is coded whole or not at all
    const open = chars.lastIndexOf("[", start); const close = chars.indexOf("]", start);
    if (open >= lo && open < start && close >= start && chars.slice(open, start).indexOf("]") < 0) start = open;
    const close2 = chars.indexOf("]", end - 1 < start ? start : end - 1); const open2 = chars.lastIndexOf("[", end - 1);
    if (open2 >= start && close2 >= end && close2 < hi && chars.slice(end, close2).indexOf("[") < 0) end = close2 + 1;
    return start < end ? { start, end } : null;
  }

  function turnOf(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el ? el.closest(".text") : null;
  }

  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const turn = turnOf(range.startContainer);
    if (!turn) return null;
    let start = pointToOffset(range.startContainer, range.startOffset);
    let end = pointToOffset(range.endContainer, range.endOffset);
    if (start === null) return null;
    const lo = Number(turn.dataset.s), hi = Number(turn.dataset.e);
    if (end === null || turnOf(range.endContainer) !== turn) end = hi;  // a span stays in its turn
    return snap(start, end, lo, hi);
  }

  function showSelection(turnEl, start, end) {
    const [a, ao] = offsetToPoint(turnEl, start);
    const [b, bo] = offsetToPoint(turnEl, end);
    window.getSelection().setBaseAndExtent(a, ao, b, bo);
  }

  // -- keyboard selection: a turn has focus; arrows move word by word ---------------------------
  function wordEnd(i, hi) { while (i < hi && !isWord(chars[i])) i++; while (i < hi && isWord(chars[i])) i++; return i; }
  function wordStart(i, lo) { while (i > lo && !isWord(chars[i - 1])) i--; while (i > lo && isWord(chars[i - 1])) i--; return i; }

  function onTurnKey(event) {
    const turn = event.currentTarget;
    const lo = Number(turn.dataset.s), hi = Number(turn.dataset.e);
    if (!keySel || keySel.turn !== turn) {
      const first = wordStart(wordEnd(lo, hi), lo);
      keySel = { turn, start: first, end: first };
    }
    const key = event.key;
    if (key === "ArrowRight" && event.shiftKey) {
      keySel.end = wordEnd(keySel.end, hi);
    } else if (key === "ArrowLeft" && event.shiftKey) {
      keySel.end = Math.max(keySel.start, wordStart(keySel.end, lo));
    } else if (key === "ArrowRight") {
      const next = wordStart(wordEnd(wordEnd(keySel.start, hi), hi), lo);
      keySel.start = next > keySel.start ? next : keySel.start; keySel.end = keySel.start;
    } else if (key === "ArrowLeft") {
      keySel.start = wordStart(keySel.start, lo); keySel.end = keySel.start;
    } else if ((key === "Enter" || key === "c") && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const chosen = snap(keySel.start, keySel.end, lo, hi) || selectionSpan();
      if (chosen) { event.preventDefault(); openPanel(chosen, editing); }
      return;
    } else {
      return;
    }
    event.preventDefault();
    if (keySel.end > keySel.start) {
      showSelection(turn, keySel.start, keySel.end);
      Workbench.say(`selected ${keySel.start}:${keySel.end} “${chars.slice(keySel.start, keySel.end).join("")}”` + (Workbench.canChange ? " — Enter to code" : ""));
    } else {
      showSelection(turn, keySel.start, wordEnd(keySel.start, hi));
      keySel.end = keySel.start;
    }
  }

  // -- the panel -------------------------------------------------------------------------------
  const pts = new Map(data.codebook.pts.map((p) => [p.id.toLowerCase(), p]));

  function checkedValue(name) {
    const el = panel.querySelector(`input[name="${name}"]:checked`);
    return el ? el.value : null;
  }
  function check(name, value) {
    const el = panel.querySelector(`input[name="${name}"][value="${value}"]`);
    if (el) el.checked = true;
  }

  function fillElements(selected) {
    const pt = pts.get(field("f-pt").value.trim().toLowerCase());
    const component = checkedValue("component");
    const select = field("f-element");
    select.replaceChildren(new Option("(none)", ""));
    if (!pt) return;
    for (const e of pt.elements) {
      if (component && e.component !== component) continue;
      const option = new Option(`${e.id} — ${e.statement}`, e.id);
      option.dataset.component = e.component;
      select.add(option);
    }
    select.value = selected && [...select.options].some((o) => o.value === selected) ? selected : "";
  }

  // Enter in the PT field: a known id saves; a prefix or title word naming one PT completes it
  // (and stays, so the coder sees what was chosen); anything else says what is known.
  function completePt() {
    const typed = field("f-pt").value.trim().toLowerCase();
    if (pts.has(typed)) return true;
    const found = typed ? data.codebook.pts.filter((p) => p.id.toLowerCase().startsWith(typed)
      || p.title.toLowerCase().includes(typed)) : [];
    if (found.length === 1) {
      field("f-pt").value = found[0].id;
      fillElements(field("f-element").value);
      field("panel-error").textContent = "";
    } else {
      const shown = (found.length ? found : data.codebook.pts).map((p) => p.id).join(", ");
      field("panel-error").textContent = `${found.length ? "several" : "no"} programme theories match “${field("f-pt").value.trim()}”: ${shown}`;
    }
    return false;
  }

  function setSpan(next) {
    span = next;
    field("panel-quote").textContent = `“${chars.slice(span.start, span.end).join("")}”`;
    const moved = editing && (span.start !== editing.start || span.end !== editing.end);
    field("panel-span").textContent = `${span.start}:${span.end}` + (moved ? ` (re-span from ${editing.start}:${editing.end})` : "");
  }

  function openPanel(chosen, coding) {
    if (!Workbench.canChange) return;  // a viewer reads; the server would refuse a change anyway
    if (!panel.hidden && editing && coding === editing) {  // a new selection while editing re-spans
      setSpan(chosen);
      field("f-save").focus();
      return;
    }
    editing = coding || null;
    field("panel-title").textContent = editing ? `Edit coding ${editing.id}` : "Code this span";
    field("panel-error").textContent = "";
    field("f-delete").hidden = !editing;
    field("f-pt").value = editing ? editing.pt : (field("f-pt").value || sessionStorage.getItem("cmo-last-pt") || "");
    check("component", editing ? (editing.component || "") : (checkedValue("component") ?? ""));
    check("stance", editing ? editing.stance : "supports");
    field("f-memo").value = editing ? (editing.memo || "") : "";
    fillElements(editing ? editing.element : null);
    setSpan(chosen);
    panel.hidden = false;
    field("f-pt").focus();
    field("f-pt").select();
  }

  function closePanel() {
    panel.hidden = true;
    editing = null;
    keySel = null;
  }

  async function save() {
    if (!span) return;
    const body = {
      pt: field("f-pt").value.trim(), component: checkedValue("component") || null,
      element: field("f-element").value || null, stance: checkedValue("stance"),
      memo: field("f-memo").value, start: span.start, end: span.end,
    };
    try {
      let result;
      if (editing) {
        result = await Workbench.send("PATCH", `/api/codings/${encodeURIComponent(editing.id)}`, { ...body, version: editing.version });
      } else {
        result = await Workbench.send("POST", "/api/codings", { ...body, transcript: data.transcript });
        sessionStorage.setItem("cmo-last-pt", result.coding.pt);  // the next span is often the same PT
      }
      Workbench.sayAfterReload(`${result.message} — Undo with Ctrl+Z`);
      location.hash = `c-${result.coding.id}`;
      location.reload();
    } catch (err) {
      field("panel-error").textContent = err.message;
    }
  }

  async function remove() {
    if (!editing) return;
    try {
      const result = await Workbench.send("DELETE", `/api/codings/${encodeURIComponent(editing.id)}`, { version: editing.version });
      Workbench.sayAfterReload(`${result.message} — Undo with Ctrl+Z`);
      location.reload();
    } catch (err) {
      field("panel-error").textContent = err.message;
    }
  }

  panel.addEventListener("submit", (event) => { event.preventDefault(); save(); });
  panel.addEventListener("keydown", (event) => {
    const tag = event.target.tagName;
    const typing = tag === "TEXTAREA" || (tag === "INPUT" && event.target.type !== "radio") || tag === "SELECT";
    if (event.key === "Escape") { event.preventDefault(); closePanel(); return; }
    if (event.key === "Enter" && event.target === field("f-pt") && !completePt()) {
      event.preventDefault(); return;
    }
    if (event.key === "Enter" && (tag !== "TEXTAREA" || event.ctrlKey || event.metaKey) && tag !== "BUTTON") {
      event.preventDefault(); save(); return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const component = data.codebook.components.find((c) => c.key === event.key);
    const stance = data.codebook.stances.find((s) => s.key === event.key);
    if (component || event.key === "0") {
      event.preventDefault();
      check("component", component ? component.value : "");
      fillElements(field("f-element").value);
    } else if (stance) {
      event.preventDefault();
      check("stance", stance.value);
    }
  });
  field("f-pt").addEventListener("input", () => fillElements(field("f-element").value));
  panel.querySelectorAll('input[name="component"]').forEach((r) => r.addEventListener("change", () => fillElements(field("f-element").value)));
  field("f-element").addEventListener("change", () => {
    const option = field("f-element").selectedOptions[0];
    if (option && option.dataset.component) check("component", option.dataset.component);
  });
  field("f-cancel").addEventListener("click", closePanel);
  field("f-delete").addEventListener("click", remove);

  // -- wiring ----------------------------------------------------------------------------------
  document.getElementById("reader").addEventListener("mouseup", () => {
    keySel = null;  // the mouse took over the selection
    const chosen = selectionSpan();
    if (chosen) openPanel(chosen, editing);
  });
  document.querySelectorAll("#reader .text").forEach((t) => t.addEventListener("keydown", onTurnKey));
  // a stripe that is hovered or focused marks the text it codes
  function mark(id, on) {
    document.querySelectorAll("#reader .seg[data-codings]").forEach((seg) => {
      if (seg.dataset.codings.split(" ").includes(id)) seg.classList.toggle("active", on);
    });
  }
  document.querySelectorAll("#reader .stripe").forEach((button) => {
    const id = button.dataset.coding;
    for (const [on, events] of [[true, ["mouseenter", "focus"]], [false, ["mouseleave", "blur"]]]) {
      for (const name of events) button.addEventListener(name, () => mark(id, on));
    }
  });
  document.querySelectorAll("#reader .stripe").forEach((button) => button.addEventListener("click", () => {
    const coding = codings.get(button.dataset.coding);
    if (!coding) return;
    panel.hidden = true;
    openPanel({ start: coding.start, end: coding.end }, coding);
  }));
  // #at-START-END (a search hit) selects that passage; #c-ID scrolls to a coding's stripe
  const hit = /^#at-(\d+)-(\d+)$/.exec(location.hash);
  // a long transcript is drawn a page at a time: a passage on another page is opened on its own page
  const elsewhere = hit && data.page_starts && (Number(hit[1]) < data.bounds[0] || Number(hit[1]) >= data.bounds[1]);
  if (elsewhere) {
    const page = data.page_starts.filter((s) => s <= Number(hit[1])).length;
    const url = new URL(location.href);
    url.searchParams.set("page", String(page));
    location.replace(url.href);
  } else if (hit) {
    const [start, end] = [Number(hit[1]), Number(hit[2])];
    const turn = [...document.querySelectorAll("#reader .text")].find((t) => Number(t.dataset.s) <= start && start < Number(t.dataset.e));
    if (turn) { showSelection(turn, start, Math.min(end, Number(turn.dataset.e))); turn.scrollIntoView({ block: "center" }); }
  } else {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView({ block: "center" });
  }
})();
