/* Step chart of the number of parties over time; data and translated labels come from the #law-data json_script. */
(function () {
  "use strict";
  var holder = document.getElementById("party-timeline");
  var source = document.getElementById("law-data");
  if (!holder || !source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  var points = data.timeline.map(function (p) {
    return { date: new Date(p.date), parties: p.parties, upper: p.parties + p.uncertain };
  });
  if (!points.length) { return; }
  var width = 640, height = 300, margin = { top: 12, right: 16, bottom: 30, left: 44 };
  var end = new Date(data.dataAsOf || data.asOf);
  if (end > points[points.length - 1].date) {
    var last = points[points.length - 1];
    points.push({ date: end, parties: last.parties, upper: last.upper });
  }
  var x = d3.scaleUtc().domain(d3.extent(points, function (p) { return p.date; }))
    .range([margin.left, width - margin.right]);
  var y = d3.scaleLinear().domain([0, d3.max(points, function (p) { return p.upper; }) || 1]).nice()
    .range([height - margin.bottom, margin.top]);
  var svg = d3.select(holder).append("svg").attr("viewBox", "0 0 " + width + " " + height)
    .attr("aria-hidden", "true").attr("focusable", "false");
  svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")").call(d3.axisBottom(x).ticks(6));
  svg.append("g").attr("transform", "translate(" + margin.left + ",0)").call(d3.axisLeft(y).ticks(5));
  svg.append("path").datum(points).attr("fill", "#c6dbef").attr("stroke", "none")
    .attr("d", d3.area().curve(d3.curveStepAfter)
      .x(function (p) { return x(p.date); }).y0(function (p) { return y(p.parties); })
      .y1(function (p) { return y(p.upper); }))
    .append("title").text(data.labels.uncertain);
  svg.append("path").datum(points).attr("fill", "none").attr("stroke", "#08519c").attr("stroke-width", 2)
    .attr("d", d3.line().curve(d3.curveStepAfter)
      .x(function (p) { return x(p.date); }).y(function (p) { return y(p.parties); }));
  if (data.dataAsOf) {
    var at = x(new Date(data.dataAsOf));
    svg.append("line").attr("x1", at).attr("x2", at).attr("y1", margin.top).attr("y2", height - margin.bottom)
      .attr("stroke", "#b30000").attr("stroke-dasharray", "4 3");
    svg.append("text").attr("x", at - 4).attr("y", margin.top + 10).attr("text-anchor", "end").attr("font-size", 11)
      .text(data.labels.dataAsOf + " " + data.dataAsOf);
  }
  svg.selectAll("circle").data(points).join("circle")
    .attr("cx", function (p) { return x(p.date); }).attr("cy", function (p) { return y(p.parties); })
    .attr("r", 2).attr("fill", "#08519c")
    .append("title").text(function (p) {
      return p.date.toISOString().slice(0, 10) + ": " + p.parties + " " + data.labels.parties;
    });
})();
