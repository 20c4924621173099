// The overview's charts, each drawn from the JSON in its element's data-chart attribute (no
// inline script: the console's CSP forbids it). A bar clicked opens the ledger (or the page)
// of the rows behind it; the employment forms the union reports apart are drawn marked.
(function () {
  "use strict";
  var RED = "#b3261e", BLUE = "#1f4e79", MARK = "#e8710a";
  function drawOne(el) {
    var data = JSON.parse(el.dataset.chart);
    if (!data.labels.length) { el.hidden = true; return; }
    var chart = echarts.init(el, null, { renderer: "svg" });
    var bars = data.yuan.map(function (v, i) {
      return data.marked[i] ? { value: v, itemStyle: { color: MARK } } : v;
    });
    // On a phone, a label every few bars (ECharts leaves out those that would overlap);
    // wider, every bar's label, slanted when there are many.
    var narrow = el.clientWidth < 500;
    chart.setOption({
      grid: { left: 64, right: 48, top: 36, bottom: 56 },
      tooltip: { trigger: "axis" },
      legend: { data: [el.dataset.labelYuan, el.dataset.labelCount], top: 0 },
      xAxis: { type: "category", data: data.labels,
               axisLabel: { interval: narrow && data.labels.length > 6 ? "auto" : 0,
                            width: narrow ? 72 : 96, overflow: "truncate",
                            rotate: data.labels.length > 4 || narrow ? 30 : 0 } },
      yAxis: [{ type: "value", name: "" }, { type: "value", name: "", splitLine: { show: false } }],
      series: [
        { name: el.dataset.labelYuan, type: "bar", data: bars, cursor: "pointer",
          itemStyle: { color: RED } },
        { name: el.dataset.labelCount, type: "line", yAxisIndex: 1, data: data.counts,
          itemStyle: { color: BLUE }, cursor: "pointer" }
      ]
    });
    chart.on("click", function (params) {
      var link = data.links[params.dataIndex];
      if (link) { window.location.assign(link); }
    });
    el.dataset.drawn = "1";
    window.addEventListener("resize", function () { chart.resize(); });
  }
  function draw() {
    if (typeof echarts === "undefined") { return; }
    document.querySelectorAll("[data-chart]").forEach(drawOne);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
