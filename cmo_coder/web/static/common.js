// Shared by every page: JSON requests carrying the CSRF token, the status line, and Undo.
"use strict";

const Workbench = (() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  // A File or Blob is sent as itself (a decisions sheet, text/csv), anything else as JSON.
  async function send(method, url, body) {
    const raw = body instanceof Blob;
    const response = await fetch(url, {
      method,
      headers: { "Content-Type": raw ? "text/csv" : "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : (raw ? body : JSON.stringify(body)),
      credentials: "same-origin",
    });
    let data = {};
    try { data = await response.json(); } catch (e) { data = { error: `the server answered ${response.status}` }; }
    if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
    return data;
  }

  function say(message, isError) {
    const status = document.getElementById("status");
    status.textContent = message;
    status.classList.toggle("status-error", Boolean(isError));
  }

  // A message shown after the reload that follows a change.
  function sayAfterReload(message) { sessionStorage.setItem("cmo-status", message); }

  async function undo() {
    try {
      const data = await send("POST", "/api/undo");
      sayAfterReload(data.message);
      // undoing a link removes its configuration: reload without asking for it (?cmoc=) again
      const url = new URL(location.href);
      if (data.gone && url.searchParams.get("cmoc") === data.gone) {
        url.searchParams.delete("cmoc");
        location.replace(url.href);
      } else {
        location.reload();
      }
    } catch (err) { say(err.message, true); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const flash = sessionStorage.getItem("cmo-status");
    if (flash) { say(flash, false); sessionStorage.removeItem("cmo-status"); }
    const undoButton = document.getElementById("undo");
    if (!undoButton) return;  // a role that cannot change anything (a viewer) has no Undo
    undoButton.addEventListener("click", undo);
    document.addEventListener("keydown", (event) => {
      const typing = event.target.closest && event.target.closest("input, textarea, select");
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z" && !typing) {
        event.preventDefault();
        undo();
      }
    });
  });

  // Stored text put into an element as text, each bidirectional control in an isolated span the style
  // sheet labels (RLO, PDI, …), as the server's "isolated" filter writes it: a control reorders nothing
  // and a reader sees that it is there. Never markup: every piece is a text node.
  const CONTROLS = { "\u061c": "ALM", "\u200e": "LRM", "\u200f": "RLM", "\u202a": "LRE", "\u202b": "RLE",
    "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI",
    "\u2069": "PDI" };
  function showText(el, text) {
    el.replaceChildren();
    let run = "";
    for (const ch of String(text)) {
      if (!(ch in CONTROLS)) { run += ch; continue; }
      if (run) { el.append(document.createTextNode(run)); run = ""; }
      const span = document.createElement("span");
      span.className = "bidi-ctl";
      span.dataset.ctl = CONTROLS[ch];
      span.title = `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
      span.textContent = ch;
      el.append(span);
    }
    if (run) el.append(document.createTextNode(run));
    return el;
  }

  // false for a viewer: pages leave out the controls that change the project (the server refuses them anyway)
  const canChange = document.body.dataset.canChange !== "0";

  return { send, say, sayAfterReload, undo, canChange, showText };
})();
