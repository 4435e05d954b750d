// Page 6, anonymisation review (secure pages only). Every decision is a POST body naming opaque
// ids (salted surface hashes, proposal ids): no surface ever goes into an address. Replies name
// counts only, so the status line carried across the reload never holds identifying text.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const dataEl = $("page-data");
  const data = dataEl ? JSON.parse(dataEl.textContent) : null;
  const occurrences = new Map(data ? data.occurrences.map((o) => [o.id, o]) : []);

  function fail(message) {
    const box = $("rp-error");
    if (box) box.textContent = message;
    Workbench.say(message, true);
  }

  async function post(url, body, after) {
    try {
      const result = await Workbench.send("POST", url, body);
      Workbench.sayAfterReload(result.message);
      if (after) location.assign(after); else location.reload();
    } catch (err) { fail(err.message); }
  }

  function act(button) {
    const action = button.dataset.action;
    if (action === "sign-off") {
      const tid = button.dataset.transcript;
      post("/secure/api/sign-off", { transcript: tid }, `/transcripts/${encodeURIComponent(tid)}`);
      return;
    }
    if (action === "accept-all") {
      post("/secure/api/accept-all", { undecided: button.dataset.undecided });
      return;
    }
    if (action === "redact") {
      const row = button.closest(".redactable");
      post("/secure/api/redact", { residual: row.dataset.residual, category: row.querySelector(".f-category").value });
      return;
    }
    const row = button.closest(".decidable");
    const everywhere = button.dataset.scope === "surface";
    const body = {
      kind: everywhere ? "surface" : row.dataset.kind, decision: action,
      id: everywhere ? row.dataset.group : row.dataset.id,
      version: everywhere ? row.dataset.groupVersion : row.dataset.version,
    };
    // one occurrence is decided under its surface's decision as the page showed it: the server refuses a stale one
    if (!everywhere && body.kind === "occurrence") body.group_version = row.dataset.groupVersion;
    const category = row.querySelector(":scope > td > .f-category, :scope > .f-category");
    if (category && category.value !== row.dataset.category && action !== "reject") body.category = category.value;
    if (action === "edit") body.placeholder = row.querySelector(".f-placeholder").value;
    post("/secure/api/decide", body);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("button.act");
    if (button && !button.disabled) act(button);
  });

  // -- the index page: a filled-in decisions sheet uploaded as the file itself (a sheet of any length) ------------------------------------
  const sheetForm = $("sheet-form");
  if (sheetForm) {
    sheetForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const file = $("sheet-file").files[0];
      $("sheet-error").textContent = "";
      if (!file) { $("sheet-error").textContent = "choose the filled-in sheet first"; $("sheet-file").focus(); return; }
      try {
        const result = await Workbench.send("POST", "/secure/api/decisions", file);
        Workbench.sayAfterReload(result.message);
        location.reload();
      } catch (err) {
        $("sheet-error").textContent = err.message;  // each problem on its line, as the command line lists them
        Workbench.say(err.message.split("\n")[0], true);
      }
    });
  }

  // -- the index page: filter, sort and pages; the text to find is posted (held with the session), never put in
  // the address; J/K move between surfaces, R/X/O act on the one reached -----------------------------------------
  const filter = $("index-filter");
  if (filter) {
    const go = async (text, params) => {
      try {
        await Workbench.send("POST", "/secure/api/review-filter", { text });
        location.assign(`/secure/review?${params.toString()}`);
      } catch (err) { Workbench.say(err.message, true); }
    };
    filter.addEventListener("submit", (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const name of ["show", "category", "layer", "sort"]) {
        const value = filter.elements[name].value;
        if (value && !(name === "show" && value === "all") && !(name === "sort" && value === "count")) params.set(name, value);
      }
      go($("f-text").value, params);  // a new filter starts at its first page
    });
    const clear = $("f-clear");
    if (clear) clear.addEventListener("click", () => go("", new URLSearchParams()));
    const cells = () => Array.from(document.querySelectorAll(".review-groups tr.decidable > th.surface-cell"));
    const reach = (cell, list) => {
      cell.focus();
      cell.scrollIntoView({ block: "center" });
      const row = cell.closest("tr");
      const state = row.querySelector("td.decision").textContent.trim();
      const said = row.querySelector(".said");
      Workbench.say(`surface ${list.indexOf(cell) + 1} of ${list.length} on this page, ${cell.querySelector(".surface").textContent}: ${state}; ${said ? said.textContent.trim().replace(/:$/, "") : ""}`);
    };
    document.addEventListener("keydown", (event) => {
      const typing = event.target.closest && event.target.closest("input, textarea, select");
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (event.key === "/") { event.preventDefault(); $("f-text").focus(); return; }
      const list = cells();
      const row = document.activeElement && document.activeElement.closest && document.activeElement.closest(".review-groups tr.decidable");
      const at = row ? list.indexOf(row.querySelector("th.surface-cell")) : -1;
      if (key === "j" || key === "k") {
        if (!list.length) return;
        event.preventDefault();
        const next = key === "j" ? Math.min(at + 1, list.length - 1) : Math.max(at - 1, 0);
        reach(list[at < 0 ? (key === "j" ? 0 : list.length - 1) : next], list);
        return;
      }
      if (!row) return;
      const button = { r: 'button[data-action="accept"]', x: 'button[data-action="reject"]' }[key];
      if (button) {
        const b = row.querySelector(`td.acts ${button}`);
        event.preventDefault();
        if (b && !b.disabled) { sessionStorage.setItem(AT_ROW, String(at)); act(b); } else Workbench.say("this surface is registered: it is always redacted", true);
        return;
      }
      if (key === "o") {
        const details = row.querySelector("details");
        event.preventDefault();
        if (!details) { Workbench.say("said once: its one context is on the row"); return; }
        details.open = true;
        const first = details.querySelector("button.act");
        if (first) first.focus();
      }
    });
    // after a decision from the index the page reloads: the reviewer goes on at the same place in the list
    const AT_ROW = "cmo-index-at";
    document.addEventListener("click", (event) => {
      const row = event.target.closest && event.target.closest(".review-groups tr.decidable");
      if (row && event.target.closest("button.act")) sessionStorage.setItem(AT_ROW, String(cells().indexOf(row.querySelector("th.surface-cell"))));
    }, true);
    const back = sessionStorage.getItem(AT_ROW);
    sessionStorage.removeItem(AT_ROW);
    if (back !== null && cells().length) {
      const list = cells();
      const cell = list[Math.min(Math.max(Number(back), 0), list.length - 1)];
      cell.focus();
      cell.scrollIntoView({ block: "center" });
    }
    const flash = sessionStorage.getItem("cmo-status");
    const counts = $("index-counts");
    if (flash && counts) sessionStorage.setItem("cmo-status", `${flash}; ${counts.textContent.trim()}`);
  }

  if (!data) return;
  // -- the transcript page: choose a marked stretch, or select text to redact ---------------------
  // the page's text, read back from the turns it draws (at the transcript's offsets): a long transcript's page is
  // a few of its turns, and its text is not sent a second time in the page data
  const text = TextSpan(pageChars(data.end, [], document.querySelectorAll("#reader .text")));
  const panel = $("rp-occurrence");
  const form = $("rp-redact");
  let selected = null;

  function choose(id) {
    const o = occurrences.get(id);
    if (!o) return;
    form.hidden = true;
    panel.hidden = false;
    $("rp-help").hidden = true;
    $("rp-error").textContent = "";
    Object.assign(panel.dataset, { id: o.id, version: o.version, group: o.group, groupVersion: o.group_version });
    Workbench.showText($("rp-surface"), o.surface);
    $("rp-category").textContent = o.category;
    Workbench.showText($("rp-placeholder"), o.placeholder);
    $("rp-state").textContent = `${o.decision || "undecided"}${o.own ? " (this occurrence)" : ""}` +
      (o.by ? ` · by ${o.by}` : "") +
      (o.sounds_like ? ` · ${o.sounds_like}` : "") +
      (o.word_reading ? ` · reads as the word: ${o.word_reading}` : "") + (o.hint ? ` · ${o.hint}` : "") +
      (o.registered ? " · registered name" : "");
    $("rp-reject").disabled = o.registered;
    $("rp-everywhere").hidden = o.per_occurrence;  // a registered everyday word is decided where it stands
    $("rp-reject-all").disabled = o.registered;
    $("rp-accept").focus();
    // after the decision the page reloads: the reviewer goes on from here, at the next item still undecided
    sessionStorage.setItem(AT_KEY, JSON.stringify({ transcript: data.transcript, start: o.start }));
  }

  document.querySelectorAll("#reader .prop").forEach((el) => {
    el.addEventListener("click", () => { if (window.getSelection().isCollapsed) { chosenEl = el; choose(el.dataset.occ); } });
    el.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); chosenEl = el; choose(el.dataset.occ); }
    });
  });
  // -- the keyboard: N and P move between the undecided items, on to the nearest page that has one ------------
  const AT_KEY = "cmo-review-at";
  const undecided = () => Array.from(document.querySelectorAll("#reader .prop-open"));
  const counts = $("rp-counts");

  function land(el, list) {
    el.focus();
    el.scrollIntoView({ block: "center" });
    Workbench.say(`undecided item ${list.indexOf(el) + 1} of ${list.length} on this page; ${counts.textContent.trim()}`);
  }

  let chosenEl = null;  // the marked stretch last opened: N and P go on from it while the panel has the focus

  function step(forward) {
    const list = undecided();
    const reader = $("reader");
    const active = document.activeElement;
    const from = active && active !== reader && reader.contains(active) ? active : chosenEl;
    const follows = (el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
    let next;
    if (!from) next = forward ? list[0] : list[list.length - 1];
    else if (forward) next = list.find((el) => el !== from && follows(el));
    else next = list.slice().reverse().find((el) => el !== from && !follows(el) && !el.contains(from));
    if (next) { land(next, list); return; }
    const page = forward ? data.open_after : data.open_before;
    if (page) { location.assign(`?page=${page}#${forward ? "first" : "last"}-undecided`); return; }
    Workbench.say(`no undecided item ${forward ? "after" : "before"} this one in the transcript; ${counts.textContent.trim()}`);
  }

  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, textarea, select");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key !== "n" && key !== "p") return;
    event.preventDefault();
    step(key === "n");
  });

  // on arriving: at the first (or last) undecided item when sent here by N (or P), or after a decision at the
  // next one still undecided from where the reviewer was
  (() => {
    const list = undecided();
    const at = JSON.parse(sessionStorage.getItem(AT_KEY) || "null");
    sessionStorage.removeItem(AT_KEY);
    const flash = sessionStorage.getItem("cmo-status");
    if (flash) sessionStorage.setItem("cmo-status", `${flash}; ${counts.textContent.trim()}`);  // the counts announced
    if (!list.length) return;
    if (location.hash === "#first-undecided") land(list[0], list);
    else if (location.hash === "#last-undecided") land(list[list.length - 1], list);
    else if (at && at.transcript === data.transcript) {
      const next = list.find((el) => Number(el.dataset.s) >= at.start);
      if (next) { next.focus(); next.scrollIntoView({ block: "center" }); }
    }
  })();

  function offerRedaction(chosen) {
    selected = chosen;
    panel.hidden = true;
    form.hidden = false;
    $("rp-help").hidden = true;
    Workbench.showText($("rp-selected"), text.slice(chosen.start, chosen.end));
    $("rp-redact-category").focus();
  }
  $("reader").addEventListener("mouseup", () => {
    const chosen = text.selection();
    if (chosen) offerRedaction(chosen);
  });
  text.keyboard(document.querySelectorAll("#reader .text"), offerRedaction);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!selected) return;
    post("/secure/api/redact", { transcript: data.transcript, start: selected.start, end: selected.end,
                                 category: $("rp-redact-category").value });
  });
})();
