/* Line chart of available workers by sex and open positions by month, from #market-chart-data. */
(function () {
  "use strict";
  var holder = document.getElementById("market-chart");
  var source = document.getElementById("market-chart-data");
  if (!holder || !source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  if (!data.points.length) { return; }
  var lang = document.documentElement.lang || "en";
  var format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  var colors = { "_T": "#0b4f8a", "M": "#2a9d8f", "F": "#b3261e", "open": "#c2410c" };
  var dashes = { "open": "6 4" };
  var width = 720, height = 300, margin = { top: 16, right: 16, bottom: 64, left: 56 };
  var months = Array.from(new Set(data.points.map(function (p) { return p.month; }))).sort();
  var x = d3.scalePoint().domain(months).range([margin.left, width - margin.right]);
  var y = d3.scaleLinear().domain([0, d3.max(data.points, function (p) { return p.value; }) || 1]).nice()
    .range([height - margin.bottom, margin.top]);
  var svg = d3.select(holder).append("svg")
    .attr("class", "market-chart").attr("viewBox", "0 0 " + width + " " + height)
    .attr("aria-hidden", "true").attr("focusable", "false");
  var every = Math.max(1, Math.ceil(months.length / 12));
  svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")")
    .call(d3.axisBottom(x).tickValues(months.filter(function (m, i) { return i % every === 0; })));
  svg.append("g").attr("transform", "translate(" + margin.left + ",0)")
    .call(d3.axisLeft(y).ticks(5).tickFormat(function (v) { return format.format(v); }));
  var series = d3.group(data.points, function (p) { return p.series; });
  var line = d3.line().x(function (p) { return x(p.month); }).y(function (p) { return y(p.value); });
  var order = ["_T", "F", "M", "open"].filter(function (key) { return series.has(key); });
  order.forEach(function (key) {
    var values = series.get(key);
    svg.append("path").datum(values).attr("fill", "none").attr("stroke", colors[key]).attr("stroke-width", 2.5)
      .attr("stroke-dasharray", dashes[key] || null).attr("d", line);
    svg.append("g").selectAll("circle").data(values).join("circle")
      .attr("cx", function (p) { return x(p.month); }).attr("cy", function (p) { return y(p.value); })
      .attr("r", 2.5).attr("fill", colors[key])
      .append("title").text(function (p) { return data.labels.series[key] + ", " + p.month + ": " + format.format(p.value); });
  });
  var legend = svg.append("g").attr("transform", "translate(" + margin.left + "," + (height - 14) + ")");
  order.forEach(function (key, i) {
    var item = legend.append("g").attr("transform", "translate(" + (i * 150) + ",0)");
    item.append("rect").attr("width", 14).attr("height", 4).attr("y", -4).attr("fill", colors[key]);
    item.append("text").attr("x", 20).attr("font-size", 12).text(data.labels.series[key]);
  });
})();
