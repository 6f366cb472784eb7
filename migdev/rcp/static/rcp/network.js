/* Network of processes sharing members: a force layout, line width by Jaccard index; data from #network-data. */
(function () {
  "use strict";
  var holder = document.getElementById("overlap-network");
  var source = document.getElementById("network-data");
  if (!holder || !source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  var linked = new Set();
  data.links.forEach(function (l) { linked.add(l.source); linked.add(l.target); });
  var nodes = data.nodes.filter(function (n) { return linked.has(n.id); }).map(function (n) { return Object.assign({}, n); });
  var links = data.links.map(function (l) { return Object.assign({}, l); });
  var width = 960, height = 640;
  var svg = d3.select(holder).append("svg")
    .attr("viewBox", "0 0 " + width + " " + height)
    .attr("aria-hidden", "true").attr("focusable", "false");
  var simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id(function (d) { return d.id; }).strength(function (l) { return 0.05 + l.weight; }))
    .force("charge", d3.forceManyBody().strength(-220))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide(28))
    .stop();
  for (var i = 0; i < 300; i += 1) { simulation.tick(); }
  var clamp = function (v, max) { return Math.max(30, Math.min(max - 30, v)); };
  nodes.forEach(function (n) { n.x = clamp(n.x, width); n.y = clamp(n.y, height); });
  svg.append("g").attr("stroke", "#6b8fb5").attr("stroke-opacity", 0.6)
    .selectAll("line").data(links).join("line")
    .attr("x1", function (d) { return d.source.x; }).attr("y1", function (d) { return d.source.y; })
    .attr("x2", function (d) { return d.target.x; }).attr("y2", function (d) { return d.target.y; })
    .attr("stroke-width", function (d) { return 0.5 + 8 * d.weight; });
  var node = svg.append("g").selectAll("a").data(nodes).join("a")
    .attr("href", function (d) { return data.urls[d.id]; });
  node.append("circle").attr("cx", function (d) { return d.x; }).attr("cy", function (d) { return d.y; })
    .attr("r", 7).attr("fill", "#2166ac");
  node.append("text").attr("x", function (d) { return d.x + 9; }).attr("y", function (d) { return d.y + 4; })
    .attr("font-size", 12).text(function (d) { return d.id; });
  node.append("title").text(function (d) { return d.name; });
})();
