// The dashboard (internal/dashboard): draws the headline figures, the
// ECharts charts and the lists from the JSON document at
// #dashboard[data-src]; every chart element, figure and list entry opens
// the records behind it. With data-refresh (the full-screen mode) it
// reloads the document every so many seconds and updates the charts in
// place. All words come in the document, in the page's language.
(function () {
  "use strict";
  const root = document.getElementById("dashboard");
  if (!root || !window.echarts) return;
  const dark = root.dataset.theme === "dark";
  const status = document.getElementById("dash-status");
  // window.dashboard is for tests and the curious: the chart instances by
  // key, the last document and how many times it loaded.
  const state = (window.dashboard = { charts: {}, data: null, loads: 0, failures: 0 });
  let labels = {};

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function link(href, cls, text) {
    const a = el("a", cls, text);
    a.href = href;
    return a;
  }

  // open goes to the records behind a chart element.
  function open(item) {
    if (item && item.link) window.location.assign(item.link);
  }

  function headline(items) {
    const box = document.getElementById("dash-headline");
    box.replaceChildren();
    for (const h of items) {
      const card = el("div", "dash-card");
      card.id = "head-" + h.key.replace(/\./g, "-");
      card.append(el("div", "label", h.label));
      const v = link(h.link, "value", h.text);
      if (h.unit) v.append(el("span", "unit", h.unit));
      card.append(v);
      const ch = el("div", "change" + (h.change > 0 ? " up" : h.change < 0 ? " down" : ""));
      ch.append(labels.change + " ");
      ch.append(link(h.earlier_link, "", h.change_text));
      card.append(ch);
      box.append(card);
    }
  }

  function option(c) {
    const base = { backgroundColor: "transparent", tooltip: { trigger: "item" }, animation: !dark || state.loads === 0 };
    if (c.type === "pie") {
      const s = c.series[0];
      return Object.assign(base, {
        legend: { type: "scroll", bottom: 0 },
        series: [{
          type: "pie", name: s.name, radius: ["30%", "62%"], center: ["50%", "45%"], cursor: "pointer",
          label: { formatter: "{b}\n{c}" },
          // Slices of nothing are left out: their labels would crowd the pie.
          data: s.data.filter((p) => p.value > 0).map((p) => ({ name: p.name, value: p.value, link: p.link })),
        }],
      });
    }
    const many = c.categories.length > 6 || c.categories.join("").length > 24;
    return Object.assign(base, {
      legend: c.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 8, top: c.series.length > 1 ? 48 : 30, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: c.categories, axisLabel: { interval: 0, rotate: many ? 35 : 0, width: 90, overflow: "truncate" } },
      // An axis of whole numbers (counts) has no fractional ticks.
      yAxis: (c.axes || []).map((u, i) => ({
        type: "value", name: u, position: i ? "right" : "left", splitLine: { show: i === 0 },
        minInterval: c.series.every((s) => s.axis !== i || s.data.every((p) => Number.isInteger(p.value))) ? 1 : undefined,
      })),
      series: c.series.map((s) => ({
        type: c.type, name: s.name, yAxisIndex: s.axis, cursor: "pointer",
        symbolSize: 8, barMaxWidth: 36,
        label: c.type === "bar" && c.series.length === 1 ? { show: true, position: "top" } : undefined,
        data: s.data.map((p) => ({ name: p.name, value: p.value, link: p.link })),
      })),
    });
  }

  function chart(c) {
    let box = document.getElementById("chart-" + c.key);
    if (!box) {
      box = el("div", "dash-chart");
      box.id = "chart-" + c.key;
      box.append(el("h2"), el("div", "chart-body"));
      document.getElementById("dash-charts").append(box);
    }
    box.querySelector("h2").textContent = c.title;
    const body = box.querySelector(".chart-body");
    let inst = state.charts[c.key];
    if (c.empty) {
      if (inst) inst.dispose();
      delete state.charts[c.key];
      body.replaceChildren(el("p", "empty", c.empty));
      return;
    }
    if (!inst) {
      body.replaceChildren();
      inst = echarts.init(body, dark ? "dark" : null, { renderer: "svg" });
      inst.on("click", (p) => open(p.data));
      state.charts[c.key] = inst;
    }
    inst.setOption(option(c), { notMerge: true });
  }

  function lists(ls) {
    const box = document.getElementById("dash-lists");
    box.replaceChildren();
    for (const l of ls) {
      const sec = el("div", "dash-list");
      sec.id = "list-" + l.key;
      const h = el("h2");
      h.append(link(l.all, "", l.title));
      sec.append(h);
      if (!l.items.length) {
        sec.append(el("p", "muted", l.empty));
      } else {
        const ul = el("ul");
        for (const it of l.items) {
          const li = el("li");
          li.append(link(it.link, "", it.name));
          if (it.detail) li.append(el("span", "detail", it.detail));
          if (it.on) li.append(el("span", "on", it.on));
          ul.append(li);
        }
        sec.append(ul);
      }
      if (l.more) sec.append(link(l.more, "more", labels.more));
      box.append(sec);
    }
  }

  async function load() {
    try {
      const res = await fetch(root.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } });
      const d = await res.json();
      if (!res.ok) throw new Error(d.error || String(res.status));
      labels = d.labels;
      headline(d.headline);
      d.charts.forEach(chart);
      lists(d.lists);
      state.data = d;
      state.loads++;
      root.dataset.loads = String(state.loads);
      if (status) {
        status.classList.remove("failed");
        status.textContent = labels.updated + " " + new Date().toLocaleTimeString();
      }
    } catch (e) {
      state.failures++;
      if (status) {
        status.classList.add("failed");
        status.textContent = labels.load_failed || e.message;
      }
    }
  }

  window.addEventListener("resize", () => Object.values(state.charts).forEach((c) => c.resize()));
  const toggle = document.getElementById("fullscreen-toggle");
  if (toggle) {
    toggle.addEventListener("click", () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => {});
    });
    document.addEventListener("fullscreenchange", () => {
      const t = document.fullscreenElement ? labels.exit_fullscreen : labels.fullscreen;
      if (t) toggle.textContent = t;
      Object.values(state.charts).forEach((c) => c.resize());
    });
  }
  load().then(() => {
    const every = parseInt(root.dataset.refresh, 10);
    if (every > 0) setInterval(load, every * 1000);
  });
})();
