// Which PT?: post the pasted quote (never in the address) and show the ranked answer.
// Everything from the answer reaches the page through textContent, never as markup.
"use strict";

(() => {
  const field = (id) => document.getElementById(id);
  const form = field("ask");

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child);
    return node;
  }

  function matchItem(m) {
    const quote = el("a", { href: m.href, className: "match-quote" },
      m.before, el("mark", { textContent: m.match }), m.after);
    const code = [m.component || "PT-level", m.element, m.stance].filter(Boolean).join(" · ");
    return el("li", { className: "match" },
      el("span", { className: "match-code" }, el("a", { href: m.pt_href, textContent: m.pt }), ` · ${code}`),
      el("span", { className: "match-how", textContent: ` ${m.kind}, score ${m.score}` }),
      el("br"), quote,
      el("span", { className: "where", textContent: `${m.attribution || "no speaker"} · ${m.transcript} ${m.start}:${m.end}` }));
  }

  function show(answer) {
    field("answer").hidden = false;
    const n = answer.total_matches;
    field("answer-summary").textContent = answer.coded
      ? `Coded: ${n} coding${n === 1 ? "" : "s"} match, under ${answer.pts.map((p) => p.pt).join(", ")}.`
      : answer.locations.length
        ? "Not coded: no coding holds this quote, though it stands in a transcript (below)."
        : "Not coded, and not found in the signed-off transcripts either.";
    field("answer-pts").replaceChildren(...answer.pts.map((p) => el("li", {},
      el("a", { href: `/pts/${encodeURIComponent(p.pt)}`, textContent: p.pt }),
      ` — ${p.codings} coding${p.codings === 1 ? "" : "s"}; ${p.components.join(", ") || "PT-level"}; ${p.stances.join(", ")}` +
      (p.elements.length ? `; ${p.elements.join(", ")}` : ""))));
    field("answer-matches-title").hidden = !answer.matches.length;
    field("answer-matches").replaceChildren(...answer.matches.map(matchItem));
    const elsewhere = field("answer-elsewhere");
    elsewhere.replaceChildren();
    if (answer.locations.length) {
      elsewhere.append(el("h3", { textContent: "Where it stands, uncoded" }),
        el("ol", {}, ...answer.locations.map((loc) => el("li", {},
          el("a", { href: loc.href, textContent: `“${loc.text}”` }),
          el("span", { className: "where", textContent: ` ${loc.attribution || "no speaker"} · ${loc.transcript} ${loc.start}:${loc.end} (${loc.kind})` })))));
    }
    if (answer.by_similarity && answer.similar.length) {
      // no coding holds the quote: the theories it reads most like, said to be by similarity
      elsewhere.append(el("h3", { textContent: `Closest programme theories, by similarity (${answer.similarity_method})` }),
        el("ol", { className: "pt-ranking" }, ...answer.similar.map((s) => el("li", {},
          el("a", { href: `/pts/${encodeURIComponent(s.pt)}`, textContent: s.pt }),
          ` ${s.title} — similarity ${s.score.toFixed(2)}`,
          s.element ? el("span", { className: "where", textContent: `closest element ${s.element}: ${s.element_statement}` }) : "",
          s.coding_id ? el("span", { className: "where", textContent: `closest coded quote (${s.attribution || "no speaker"}): “${s.quote}”` }) : ""))));
    }
    if (answer.reason) elsewhere.append(el("p", { className: "match-how", textContent: answer.reason }));
    if (answer.nearest.length) {
      elsewhere.append(el("h3", { textContent: "Nearest coded quotes" }), el("ol", { className: "matches" }, ...answer.nearest.map(matchItem)));
    }
    field("answer-title").focus();
  }

  async function ask() {
    const quote = field("quote").value;
    field("ask-error").textContent = "";
    if (!quote.trim()) { field("ask-error").textContent = "Paste a quote first."; return; }
    try {
      show(await Workbench.send("POST", "/api/which-pt", { quote }));
    } catch (err) {
      field("ask-error").textContent = err.message;
    }
  }

  field("answer-title").tabIndex = -1;
  form.addEventListener("submit", (event) => { event.preventDefault(); ask(); });
  field("quote").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); ask(); }
  });
})();
