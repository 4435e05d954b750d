// Configurations (CMOCs): pick codings in the reader or from the list, link them, edit and delete.
//
// The pick lives in sessionStorage so that one configuration can gather codings from several
// transcripts; the server checks everything again (same PT, roles, stale versions).
// Text from the project only ever reaches the page through textContent, never as markup.
"use strict";

(() => {
  const KEY = "cmo-cmoc-pick";
  const tray = document.getElementById("tray");
  if (!tray) return;
  // beside the reader the coding panel holds the right-hand corner; elsewhere the list's boxes are on the left
  if (!document.getElementById("reader")) tray.classList.add("tray-right");
  const field = (id) => document.getElementById(id);
  const roles = tray.dataset.roles.split(" ").map((pair) => { const [value, short] = pair.split(":"); return { value, short }; });
  const shortOf = (value) => (roles.find((r) => r.value === value) || { short: "PT" }).short;

  function load() {
    try {
      const state = JSON.parse(sessionStorage.getItem(KEY) || "null");
      if (state && Array.isArray(state.members)) return state;
    } catch (e) { /* a damaged pick starts afresh */ }
    return { editing: null, open: false, members: [], name: "", judgement: "", rationale: "" };
  }
  let state = load();
  function store() { sessionStorage.setItem(KEY, JSON.stringify(state)); }
  const picked = (id) => state.members.some((m) => m.coding === id);

  function clip(text, n) { const chars = Array.from(text); return chars.length > n ? chars.slice(0, n - 1).join("") + "…" : text; }
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child);
    return node;
  }

  // -- the panel -----------------------------------------------------------------------------
  function render() {
    const pts = [...new Set(state.members.map((m) => m.pt))];
    tray.hidden = state.members.length === 0 && !state.editing;
    const count = `${state.members.length} coding${state.members.length === 1 ? "" : "s"}`;
    field("tray-title").textContent = state.editing
      ? `Edit configuration ${state.editing.name}`
      : `New configuration (CMOC)${pts.length === 1 ? ` of ${pts[0]}` : ""}`;
    field("tray-title").append(el("span", { className: "tray-count", textContent: ` · ${count}` }));
    field("tray-body").hidden = !state.open;
    tray.classList.toggle("tray-open", Boolean(state.open));
    // room below the page to scroll anything out from under the panel
    document.body.classList.toggle("tray-shown", !tray.hidden && Boolean(state.open));
    field("t-toggle").textContent = state.open ? "Hide" : "Open";
    field("t-toggle").setAttribute("aria-expanded", String(Boolean(state.open)));
    field("t-save").textContent = state.editing ? "Save changes" : "Link as CMOC";
    field("t-clear").textContent = state.editing ? "Stop editing" : "Clear";
    const list = field("tray-members");
    list.replaceChildren();
    state.members.forEach((m, i) => {
      const item = el("li", { className: "tray-member" });
      if (m.component) {
        item.append(el("span", { className: `chip chip-${m.component}`, textContent: shortOf(m.component) }));
      } else {
        const select = el("select", { id: `t-role-${i}` });
        select.setAttribute("aria-label", `Role of the PT-level coding “${clip(m.text, 40)}”`);
        select.add(new Option("role…", ""));
        for (const r of roles) select.add(new Option(r.short, r.value));
        select.value = m.role || "";
        select.addEventListener("change", () => { m.role = select.value || null; store(); });
        item.append(select);
      }
      item.append(" ", el("span", { className: "tray-quote", textContent: `${m.pt} “${clip(m.text, 70)}”` }),
        el("span", { className: "where", textContent: m.transcript }));
      const remove = el("button", { type: "button", className: "tray-remove", textContent: "×" });
      remove.setAttribute("aria-label", `Remove “${clip(m.text, 40)}” from the configuration`);
      remove.addEventListener("click", () => { unpick(m.coding); });
      item.append(remove);
      list.append(item);
    });
    field("t-name").value = state.name || "";
    field("t-judgement").value = state.judgement || "";
    field("t-rationale").value = state.rationale || "";
    field("tray-error").textContent = pts.length > 1
      ? `The picked codings belong to ${pts.join(" and ")}; a configuration links codings of one programme theory.` : "";
    document.querySelectorAll("input.pick[data-coding]").forEach((box) => { box.checked = picked(box.dataset.coding); });
  }

  function pick(member) {
    if (picked(member.coding)) return;
    state.members.push(member);
    // shown as the configuration reads, C → Mres → Mresp → O (the order the server stores)
    const rank = (m) => { const i = roles.findIndex((r) => r.value === (m.component || m.role)); return i < 0 ? roles.length : i; };
    state.members.sort((a, b) => rank(a) - rank(b));
    store(); render();
    Workbench.say(`picked ${member.pt} ${shortOf(member.component)} “${clip(member.text, 50)}” — ${state.members.length} in the configuration; Shift+L goes to its panel`);
  }
  function unpick(id) {
    state.members = state.members.filter((m) => m.coding !== id);
    store(); render();
    Workbench.say(`${state.members.length} coding${state.members.length === 1 ? "" : "s"} in the configuration`);
  }
  function toggle(member) { if (picked(member.coding)) unpick(member.coding); else pick(member); }

  function clear() {
    state = { editing: null, open: false, members: [], name: "", judgement: "", rationale: "" };
    store(); render();
  }

  for (const [id, key] of [["t-name", "name"], ["t-judgement", "judgement"], ["t-rationale", "rationale"]]) {
    field(id).addEventListener(id === "t-judgement" ? "change" : "input", () => { state[key] = field(id).value; store(); });
  }
  function open(yes) { state.open = yes; store(); render(); }
  field("t-toggle").addEventListener("click", () => open(!state.open));
  field("t-clear").addEventListener("click", () => { clear(); Workbench.say("the configuration panel is empty"); });

  async function save() {
    const body = {
      name: field("t-name").value.trim(), judgement: field("t-judgement").value, rationale: field("t-rationale").value,
      members: state.members.map((m) => ({ coding: m.coding, role: m.component ? null : (m.role || null) })),
    };
    try {
      let result;
      if (state.editing) {
        result = await Workbench.send("PATCH", `/api/configurations/${encodeURIComponent(state.editing.id)}`,
          { ...body, version: state.editing.version, name: body.name || state.editing.name });
      } else {
        result = await Workbench.send("POST", "/api/configurations", { ...body, name: body.name || null });
      }
      const config = result.configuration;
      clear();
      Workbench.sayAfterReload(result.message);
      if (document.getElementById("reader")) {
        const here = new URLSearchParams(location.search);
        here.set("cmoc", config.id);
        location.assign(`${location.pathname}?${here}`);
      } else {
        location.assign(`/configurations?pt=${encodeURIComponent(config.pt)}#cmoc-${config.id}`);
        location.reload();
      }
    } catch (err) {
      field("tray-error").textContent = err.message;
    }
  }
  tray.addEventListener("submit", (event) => { event.preventDefault(); save(); });
  tray.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save(); }
    if (event.key === "Escape") { event.preventDefault(); open(false); field("t-toggle").focus(); }
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input:not([type=checkbox]), textarea, select");
    if (event.key === "L" && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !typing && !tray.hidden) {
      event.preventDefault();
      open(true);
      field("t-name").focus();
    }
  });

  // -- the reader: a "link" box beside each stripe, L on a focused stripe, members highlighted --
  const pageData = document.getElementById("page-data");
  const reader = document.getElementById("reader");
  if (reader && pageData) {
    const data = JSON.parse(pageData.textContent);
    const codings = Reader.codings;  // built by reader.js, which runs first
    const memberOf = (c) => ({ coding: c.id, pt: c.pt, component: c.component, transcript: data.transcript, text: c.text, role: null });
    reader.querySelectorAll(".stripe[data-coding]").forEach((button) => {
      const coding = codings.get(button.dataset.coding);
      if (!coding) return;
      const box = el("input", { type: "checkbox", className: "pick" });
      box.dataset.coding = coding.id;
      box.setAttribute("aria-label", `Link coding ${coding.pt} ${shortOf(coding.component)} “${clip(coding.text, 40)}” into a configuration`);
      box.addEventListener("change", () => { if (box.checked) pick(memberOf(coding)); else unpick(coding.id); });
      const label = el("label", { className: "pick-label", title: "Pick for a configuration (key L on the stripe)" }, box, " link");
      button.closest(".stripe-item").append(label);
      button.addEventListener("keydown", (event) => {
        if (event.key === "l" && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          toggle(memberOf(coding));
        }
      });
    });
    showConfigurations(data.transcript);
  }

  function markMembers(config) {
    const ids = new Set(config.members.map((m) => m.coding));
    reader.querySelectorAll(".seg[data-codings]").forEach((seg) => {
      seg.classList.toggle("cmoc-member", seg.dataset.codings.split(" ").some((id) => ids.has(id)));
    });
    reader.querySelectorAll(".stripe[data-coding]").forEach((b) => b.classList.toggle("cmoc-stripe", ids.has(b.dataset.coding)));
  }

  async function showConfigurations(transcript) {
    const wanted = new URLSearchParams(location.search).get("cmoc");
    const box = el("section", { className: "cmoc-bar", id: "cmoc-bar" });
    box.setAttribute("aria-label", "Configurations");
    reader.before(box);
    try {
      const here = await Workbench.send("GET", `/api/configurations?transcript=${encodeURIComponent(transcript)}`);
      let shown = null;
      if (wanted) {
        // Looked up in the whole list, not by its address: after an undo or a delete elsewhere the
        // CMOC named in this page's address is gone, and that is news for the page, not an error.
        shown = here.configurations.find((c) => c.id === wanted)
          || (await Workbench.send("GET", "/api/configurations")).configurations.find((c) => c.id === wanted)
          || null;
        if (!shown) box.append(el("p", { className: "cmoc-shown", textContent: "That configuration no longer exists (undone or deleted)." }));
      }
      if (shown) {
        markMembers(shown);
        const inHere = shown.members.filter((m) => m.transcript === transcript);
        const elsewhere = shown.members.filter((m) => m.transcript !== transcript);
        const heading = el("p", { className: "cmoc-shown" },
          el("strong", { textContent: `${shown.name}` }),
          ` (${shown.pt}, ${shown.judgement || "no judgement"}): ${inHere.length} of ${shown.members.length} members highlighted here`);
        box.append(heading);
        if (elsewhere.length) {
          const list = el("ul", { className: "cmoc-elsewhere" });
          for (const m of elsewhere) {
            const here2 = new URLSearchParams({ cmoc: shown.id });
            list.append(el("li", {}, el("span", { className: `chip chip-${m.role}`, textContent: m.role_short }), " ",
              el("a", { href: `/transcripts/${encodeURIComponent(m.transcript)}?${here2}#at-${m.start}-${m.end}`, textContent: `“${clip(m.text, 60)}”` }),
              ` in ${m.transcript}`));
          }
          box.append(el("p", { textContent: "Elsewhere:" }), list);
        }
        const first = reader.querySelector(".cmoc-stripe");
        if (first && !location.hash) first.scrollIntoView({ block: "center" });
      }
      if (here.configurations.length) {
        const links = el("p", { className: "cmoc-links" }, "Configurations with codings here: ");
        here.configurations.forEach((c, i) => {
          const params = new URLSearchParams(location.search);
          params.set("cmoc", c.id);
          const a = el("a", { href: `${location.pathname}?${params}`, textContent: c.name });
          if (shown && c.id === shown.id) a.setAttribute("aria-current", "true");
          links.append(i ? "; " : "", a);
        });
        if (shown) {
          const params = new URLSearchParams(location.search);
          params.delete("cmoc");
          links.append(" · ", el("a", { href: `${location.pathname}${params.size ? "?" + params : ""}`, textContent: "hide" }));
        }
        box.append(links);
      }
    } catch (err) {
      Workbench.say(err.message, true);
    }
  }

  // -- the configurations page: the list's boxes, edit and delete ------------------------------
  document.querySelectorAll("input.pick[data-coding]").forEach((box) => {
    if (reader && reader.contains(box)) return;
    box.addEventListener("change", () => {
      const d = box.dataset;
      const member = { coding: d.coding, pt: d.pt, component: d.component || null, transcript: d.transcript, text: d.text, role: null };
      if (box.checked) { state.open = true; pick(member); } else unpick(member.coding);
    });
  });
  document.querySelectorAll("article.cmoc[data-config]").forEach((card) => {
    const edit = card.querySelector(".cmoc-edit");
    const remove = card.querySelector(".cmoc-delete");
    if (edit) edit.addEventListener("click", async () => {
      try {
        const { configuration: c } = await Workbench.send("GET", `/api/configurations/${encodeURIComponent(card.dataset.config)}`);
        if (c.version !== card.dataset.version) throw new Error(`configuration ${c.name} was changed elsewhere since this page showed it; reload the page`);
        state = {
          editing: { id: c.id, version: c.version, name: c.name }, name: c.name, judgement: c.judgement || "",
          rationale: c.rationale || "",
          members: c.members.map((m) => ({ coding: m.coding, pt: m.pt, component: m.component, transcript: m.transcript, text: m.text, role: m.component ? null : m.role })),
        };
        state.open = true;
        store(); render();
        Workbench.say(`editing ${c.name}: change it in the panel, or pick codings in the reader to add them`);
        field("t-name").focus();
      } catch (err) { Workbench.say(err.message, true); }
    });
    if (remove) remove.addEventListener("click", async () => {
      if (!remove.dataset.armed) {  // a second press confirms (no pop-up dialogs)
        remove.dataset.armed = "1";
        remove.textContent = `Really delete ${card.dataset.name}?`;
        Workbench.say(`press “Really delete” again to delete ${card.dataset.name}; its codings stay`);
        return;
      }
      try {
        const result = await Workbench.send("DELETE", `/api/configurations/${encodeURIComponent(card.dataset.config)}`, { version: card.dataset.version });
        Workbench.sayAfterReload(result.message);
        location.reload();
      } catch (err) { Workbench.say(err.message, true); }
    });
  });

  render();
})();
