// Page 5: the review queue over the text. One suggestion is current at a time; keys n / p move,
// a accepts, x rejects, e opens the edit form (PT, component, element, stance, memo, span).
// Decisions go to /api/suggestions/ID/accept|reject; the page then reloads on the next one.
"use strict";

(() => {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const items = data.suggestions;
  if (!items.length) return;
  const text = TextSpan(pageChars(data.length, data.gaps, document.querySelectorAll("#reader .text")));
  const $ = (id) => document.getElementById(id);
  const form = $("sugg-form");
  const pts = new Map(data.codebook.pts.map((p) => [p.id.toLowerCase(), p]));
  const shortOf = new Map(data.codebook.components.map((c) => [c.value, c.short]));
  let current = Math.max(0, items.findIndex((s) => `#s-${s.id}` === location.hash));
  let span = null;  // the span the edit form will accept

  function show(i, scroll) {
    current = (i + items.length) % items.length;
    const s = items[current];
    $("sugg-pos").textContent = `${current + 1} of ${items.length}`;
    $("sugg-quote").textContent = `“${text.slice(s.start, s.end)}”`;
    $("sugg-chip").textContent = shortOf.get(s.component);
    $("sugg-chip").className = `chip chip-${s.component}`;
    $("sugg-pt").textContent = s.pt;
    $("sugg-conf").textContent = s.confidence.toFixed(2);
    $("sugg-span").textContent = `${s.start}:${s.end}`;
    $("sugg-reasons").replaceChildren(...s.reasons.map((r) => { const li = document.createElement("li"); li.textContent = r; return li; }));
    $("sugg-error").textContent = "";
    document.querySelectorAll("#reader .seg.current").forEach((seg) => seg.classList.remove("current"));
    const mine = document.querySelectorAll(`#reader .seg[data-suggestions~="${CSS.escape(s.id)}"]`);
    mine.forEach((seg) => seg.classList.add("current"));
    closeForm();
    if (scroll && mine.length) mine[0].scrollIntoView({ block: "center" });
  }

  async function decide(kind, body) {
    const s = items[current];
    try {
      const result = await Workbench.send("POST", `/api/suggestions/${encodeURIComponent(s.id)}/${kind}`, body || {});
      const next = items.length > 1 ? items[(current + 1) % items.length] : null;
      Workbench.sayAfterReload(result.message);
      history.replaceState(null, "", next ? `#s-${next.id}` : location.pathname);
      location.reload();
    } catch (err) {
      $("sugg-error").textContent = err.message;
    }
  }

  // -- the edit form -----------------------------------------------------------------------------
  const checked = (name) => { const el = form.querySelector(`input[name="${name}"]:checked`); return el ? el.value : null; };
  const check = (name, value) => { const el = form.querySelector(`input[name="${name}"][value="${value}"]`); if (el) el.checked = true; };

  function fillElements(selected) {
    const pt = pts.get($("e-pt").value.trim().toLowerCase());
    const component = checked("e-component");
    const select = $("e-element");
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

  function setSpan(next) {
    span = next;
    const s = items[current];
    const moved = span.start !== s.start || span.end !== s.end;
    $("e-span").textContent = `Span ${span.start}:${span.end} “${text.slice(span.start, span.end)}”` +
      (moved ? ` (changed from ${s.start}:${s.end})` : "");
  }

  function openForm() {
    const s = items[current];
    $("e-pt").value = s.pt;
    check("e-component", s.component);
    check("e-stance", "supports");
    $("e-memo").value = "";
    fillElements(null);
    setSpan({ start: s.start, end: s.end });
    form.hidden = false;
    $("e-pt").focus();
    $("e-pt").select();
  }

  function closeForm() { form.hidden = true; span = null; }

  function acceptEdited() {
    decide("accept", {
      pt: $("e-pt").value.trim(), component: checked("e-component"), element: $("e-element").value || null,
      stance: checked("e-stance"), memo: $("e-memo").value, start: span.start, end: span.end,
    });
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); acceptEdited(); });
  form.addEventListener("keydown", (event) => {
    const tag = event.target.tagName;
    const typing = tag === "TEXTAREA" || (tag === "INPUT" && event.target.type !== "radio") || tag === "SELECT";
    if (event.key === "Escape") { event.preventDefault(); closeForm(); $("s-edit").focus(); return; }
    if (event.key === "Enter" && (tag !== "TEXTAREA" || event.ctrlKey || event.metaKey) && tag !== "BUTTON") {
      event.preventDefault(); acceptEdited(); return;
    }
    event.stopPropagation();  // the queue's own keys (a, x, n, p, e) do not apply inside the form
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const component = data.codebook.components.find((c) => c.key === event.key);
    const stance = data.codebook.stances.find((s) => s.key === event.key);
    if (component) { event.preventDefault(); check("e-component", component.value); fillElements($("e-element").value); }
    else if (stance) { event.preventDefault(); check("e-stance", stance.value); }
  });
  $("e-pt").addEventListener("input", () => fillElements($("e-element").value));
  form.querySelectorAll('input[name="e-component"]').forEach((r) => r.addEventListener("change", () => fillElements($("e-element").value)));
  $("e-element").addEventListener("change", () => {
    const option = $("e-element").selectedOptions[0];
    if (option && option.dataset.component) check("e-component", option.dataset.component);
  });
  $("e-cancel").addEventListener("click", () => { closeForm(); $("s-edit").focus(); });

  // -- wiring ------------------------------------------------------------------------------------
  if (Workbench.canChange) {  // a viewer's page has no buttons to decide with
    $("s-accept").addEventListener("click", () => decide("accept"));
    $("s-reject").addEventListener("click", () => decide("reject"));
    $("s-edit").addEventListener("click", openForm);
  }
  $("s-next").addEventListener("click", () => show(current + 1, true));
  $("s-prev").addEventListener("click", () => show(current - 1, true));
  document.getElementById("reader").addEventListener("mouseup", () => {
    const chosen = text.selection();
    if (chosen && !form.hidden) setSpan(chosen);  // while editing, a selection re-spans
  });
  // keyboard: focus a turn, Shift+→ to select word by word, Enter to re-span (opening the edit form)
  text.keyboard(document.querySelectorAll("#reader .text"), (chosen) => {
    if (!Workbench.canChange) return;
    if (form.hidden) openForm();
    setSpan(chosen);
    $("e-save").focus();
  });
  document.getElementById("reader").addEventListener("click", (event) => {
    const seg = event.target.closest && event.target.closest(".seg[data-suggestions]");
    if (!seg || !form.hidden || !window.getSelection().isCollapsed) return;
    const id = seg.dataset.suggestions.split(" ")[0];
    show(items.findIndex((s) => s.id === id), false);
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, textarea, select");
    if (typing || event.ctrlKey || event.metaKey || event.altKey || !form.hidden) return;
    const actions = { n: () => show(current + 1, true), p: () => show(current - 1, true) };
    if (Workbench.canChange) Object.assign(actions, { a: () => decide("accept"), x: () => decide("reject"), e: openForm });
    const action = actions[event.key];
    if (action) { event.preventDefault(); action(); }
  });
  show(current, true);
})();
