// Text offsets for the suggestion and anonymisation review pages: a DOM selection inside
// `.text` blocks of `.seg` spans (data-s / data-e in code points, as the server counts)
// becomes exact character offsets, snapped to whole words and kept inside one block.
//
// JavaScript strings count UTF-16 units; every conversion goes through code points.
"use strict";

const TextSpan = (chars) => {
  const cpLength = (s) => Array.from(s).length;
  const isWord = (ch) => ch !== undefined && /[\p{L}\p{N}_'’-]/u.test(ch);

  function pointToOffset(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest(".seg");
      if (!seg) return null;
      return Number(seg.dataset.s) + cpLength(node.data.slice(0, offset));
    }
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (el.classList.contains("seg")) return offset === 0 ? Number(el.dataset.s) : Number(el.dataset.e);
    const kids = el.childNodes;
    if (offset < kids.length && kids[offset].nodeType === Node.ELEMENT_NODE && kids[offset].dataset.s !== undefined) {
      return Number(kids[offset].dataset.s);
    }
    const segs = el.querySelectorAll(".seg");
    return segs.length ? Number(segs[segs.length - 1].dataset.e) : null;
  }

  function offsetToPoint(block, offset) {
    for (const seg of block.querySelectorAll(".seg")) {
      const s = Number(seg.dataset.s), e = Number(seg.dataset.e);
      if (offset >= s && offset <= e && seg.firstChild) return [seg.firstChild, chars.slice(s, offset).join("").length];
    }
    return [block, 0];
  }

  // Whole words only; surrounding white space dropped.
  function snap(start, end, lo, hi) {
    start = Math.max(start, lo); end = Math.min(end, hi);
    while (start < end && /\s/u.test(chars[start])) start++;
    while (end > start && /\s/u.test(chars[end - 1])) end--;
    while (start > lo && isWord(chars[start - 1]) && isWord(chars[start])) start--;
    while (end < hi && isWord(chars[end - 1]) && isWord(chars[end])) end++;
    return start < end ? { start, end } : null;
  }

  const blockOf = (node) => {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el ? el.closest(".text") : null;
  };

  // The current selection as {start, end, block}, snapped, or null.
  function selection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const block = blockOf(range.startContainer);
    if (!block) return null;
    const start = pointToOffset(range.startContainer, range.startOffset);
    let end = pointToOffset(range.endContainer, range.endOffset);
    if (start === null) return null;
    const lo = Number(block.dataset.s), hi = Number(block.dataset.e);
    if (end === null || blockOf(range.endContainer) !== block) end = hi;
    const span = snap(start, end, lo, hi);
    return span ? { ...span, block } : null;
  }

  function show(block, start, end) {
    const [a, ao] = offsetToPoint(block, start);
    const [b, bo] = offsetToPoint(block, end);
    window.getSelection().setBaseAndExtent(a, ao, b, bo);
  }

  // -- keyboard selection: a focused block; ← / → move a word, Shift+← / Shift+→ shrink or grow ---
  const wordEnd = (i, hi) => { while (i < hi && !isWord(chars[i])) i++; while (i < hi && isWord(chars[i])) i++; return i; };
  const wordStart = (i, lo) => { while (i > lo && !isWord(chars[i - 1])) i--; while (i > lo && isWord(chars[i - 1])) i--; return i; };
  let keySel = null;

  function onKey(event, choose) {
    const block = event.currentTarget;
    if (event.target !== block || event.ctrlKey || event.metaKey || event.altKey) return;
    const lo = Number(block.dataset.s), hi = Number(block.dataset.e);
    if (!keySel || keySel.block !== block) {
      const first = wordStart(wordEnd(lo, hi), lo);
      keySel = { block, start: first, end: first };
    }
    const key = event.key;
    if (key === "ArrowRight" && event.shiftKey) keySel.end = wordEnd(keySel.end, hi);
    else if (key === "ArrowLeft" && event.shiftKey) keySel.end = Math.max(keySel.start, wordStart(keySel.end, lo));
    else if (key === "ArrowRight") {
      const next = wordStart(wordEnd(wordEnd(keySel.start, hi), hi), lo);
      keySel.start = next > keySel.start ? next : keySel.start; keySel.end = keySel.start;
    } else if (key === "ArrowLeft") { keySel.start = wordStart(keySel.start, lo); keySel.end = keySel.start; }
    else if (key === "Enter") {
      const span = snap(keySel.start, keySel.end, lo, hi);
      if (span) { event.preventDefault(); choose({ ...span, block }); }
      return;
    } else return;
    event.preventDefault();
    show(block, keySel.start, keySel.end > keySel.start ? keySel.end : wordEnd(keySel.start, hi));
  }

  // Make each block focusable and selectable word by word; Enter hands the snapped span to ``choose``.
  function keyboard(blocks, choose) {
    blocks.forEach((b) => {
      b.tabIndex = 0;
      b.addEventListener("keydown", (event) => onKey(event, choose));
      b.addEventListener("mousedown", () => { keySel = null; });
    });
  }

  const slice = (start, end) => chars.slice(start, end).join("");
  return { selection, show, snap, slice, keyboard };
};

// The page's text, one entry per code point as the server counts, read back from the reading view's
// `.text` blocks (data-s / data-e) and the blank gaps between them that the page data lists: the
// text is sent once, as the page shows it, not a second time in the page data.
const pageChars = (length, gaps, blocks) => {
  const chars = new Array(length);
  const put = (at, text) => { Array.from(text).forEach((ch, i) => { chars[at + i] = ch; }); };
  gaps.forEach(([at, gap]) => put(at, gap));
  for (const block of blocks) {
    const text = block.textContent;
    if (Array.from(text).length !== Number(block.dataset.e) - Number(block.dataset.s)) {
      throw new Error(`the text of block ${block.dataset.s}:${block.dataset.e} did not arrive intact; reload the page`);
    }
    put(Number(block.dataset.s), text);
  }
  return chars;
};
