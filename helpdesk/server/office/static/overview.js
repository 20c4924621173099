// The overview's chart: aid by month, drawn from the JSON in the element's data-chart
// attribute (no inline script: the console's CSP forbids it).
(function () {
  "use strict";
  function draw() {
    var el = document.getElementById("chart-by-month");
    if (!el || typeof echarts === "undefined") { return; }
    var data = JSON.parse(el.dataset.chart);
    if (!data.months.length) { el.hidden = true; return; }
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      grid: { left: 56, right: 48, top: 36, bottom: 32 },
      tooltip: { trigger: "axis" },
      legend: { data: [el.dataset.labelYuan, el.dataset.labelCount], top: 0 },
      xAxis: { type: "category", data: data.months },
      yAxis: [{ type: "value", name: "" }, { type: "value", name: "", splitLine: { show: false } }],
      series: [
        { name: el.dataset.labelYuan, type: "bar", data: data.yuan, itemStyle: { color: "#b3261e" } },
        { name: el.dataset.labelCount, type: "line", yAxisIndex: 1, data: data.counts,
          itemStyle: { color: "#1f4e79" } }
      ]
    });
    el.dataset.drawn = "1";
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
