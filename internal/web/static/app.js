// dangjian's only script: it enhances pages that work without it.
//
// Pickers: an input[data-pick] offers, as the user types, the records whose
// name contains the text (GET data-pick?q=…, JSON [{value, label}]); choosing
// one puts its id in the hidden input before it. Without this script the
// server reads the typed text (a number or a name).
//
// Tree: a details[data-children] loads its children's HTML the first time
// it is opened.
//
// Sortable tables: in a table[data-sortable], a heading's link (a[data-sort],
// which without this script asks the server for the sorted page) sorts the
// rows of tbody.rows in place by the cells' data-v, numbers or text; a
// second click reverses.
//
// Preview: a form[data-preview] (the speech template's editor) posts its
// fields to data-preview a moment after the user stops typing and puts
// each element of the answer in place of the page's element with its id
// (the refusals beside the parts and the filled speech). Without this
// script its 预览 button posts the form and the whole page comes back.
"use strict";

function pickerInit(input) {
  const hidden = input.previousElementSibling;
  const list = document.createElement("ul");
  list.className = "pick-list";
  list.setAttribute("role", "listbox");
  list.id = input.id + "-list";
  list.hidden = true;
  input.setAttribute("aria-controls", list.id);
  input.after(list);
  let timer = 0, seq = 0, active = -1;

  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
  }
  function choose(li) {
    hidden.value = li.dataset.value;
    input.value = li.textContent;
    close();
  }
  function mark(i) {
    const items = list.children;
    if (!items.length) return;
    active = (i + items.length) % items.length;
    for (let j = 0; j < items.length; j++) items[j].setAttribute("aria-selected", j === active ? "true" : "false");
    input.setAttribute("aria-activedescendant", items[active].id);
  }
  async function search() {
    const mine = ++seq;
    const url = new URL(input.dataset.pick, location.href);
    url.searchParams.set("q", input.value.trim());
    let rows = [];
    try {
      const res = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (res.ok) rows = await res.json();
    } catch (e) {
      rows = [];
    }
    if (mine !== seq) return; // a later keystroke has its own answer
    list.replaceChildren();
    rows.forEach((r, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = list.id + "-" + i;
      li.dataset.value = r.value;
      li.dataset.label = r.label;
      li.textContent = r.label;
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(li); });
      list.append(li);
    });
    list.hidden = rows.length === 0;
    active = -1;
    input.setAttribute("aria-expanded", rows.length ? "true" : "false");
  }
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener("focus", () => { if (!input.value) search(); });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (ev) => {
    if (list.hidden) return;
    if (ev.key === "ArrowDown") { mark(active + 1); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { mark(active - 1); ev.preventDefault(); }
    else if (ev.key === "Enter" && active >= 0) { choose(list.children[active]); ev.preventDefault(); }
    else if (ev.key === "Escape") { close(); }
  });
}

function treeInit(details) {
  const load = async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    const slot = details.querySelector(".children");
    try {
      const res = await fetch(details.dataset.children, { credentials: "same-origin" });
      if (!res.ok) throw new Error(res.status);
      slot.innerHTML = await res.text();
      slot.querySelectorAll("details[data-children]").forEach(treeInit);
    } catch (e) {
      delete details.dataset.loaded;
    }
  };
  details.addEventListener("toggle", load);
  load(); // opened before this script ran
}

function sortableInit(table) {
  const body = table.querySelector("tbody.rows");
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, col) => {
    const a = th.querySelector("a[data-sort]");
    if (!a || !body) return;
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      const dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      heads.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", dir);
      const num = a.dataset.sort === "num";
      const key = (tr) => {
        const v = tr.cells[col] ? tr.cells[col].dataset.v || "" : "";
        return num ? parseFloat(v) || 0 : v;
      };
      const rows = Array.from(body.rows);
      rows.sort((x, y) => {
        const p = key(x), q = key(y);
        const c = num ? p - q : p.localeCompare(q, document.documentElement.lang || undefined);
        return dir === "ascending" ? c : -c;
      });
      body.append(...rows);
      const url = new URL(a.href, location.href);
      url.searchParams.set("dir", dir === "ascending" ? "asc" : "desc");
      history.replaceState(null, "", url);
    });
  });
}

function previewInit(form) {
  let timer = 0, seq = 0;
  async function refresh() {
    const mine = ++seq;
    let html = "";
    try {
      const res = await fetch(form.dataset.preview, {
        method: "POST", credentials: "same-origin", body: new URLSearchParams(new FormData(form)),
      });
      if (!res.ok) return;
      html = await res.text();
    } catch (e) {
      return;
    }
    if (mine !== seq) return; // a later keystroke has its own answer
    const doc = new DOMParser().parseFromString(html, "text/html");
    for (const el of Array.from(doc.body.children)) {
      const old = el.id && document.getElementById(el.id);
      if (old) old.replaceWith(document.importNode(el, true));
    }
    form.dataset.previewed = String(mine); // for the browser tests
  }
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 500);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table[data-sortable]").forEach(sortableInit);
  document.querySelectorAll("form[data-preview]").forEach(previewInit);
  document.querySelectorAll("input[data-pick]").forEach(pickerInit);
  document.querySelectorAll("details[data-children]").forEach(treeInit);
  document.documentElement.dataset.ready = "1"; // for the browser tests
});
