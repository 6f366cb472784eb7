/* World map of each country's status towards an instrument on a date: the offline world-atlas shapes stats uses. */
(function () {
  "use strict";
  var holder = document.getElementById("status-map");
  var source = document.getElementById("law-data");
  if (!holder || !source || !window.d3 || !window.topojson) { return; }
  var data = JSON.parse(source.textContent);
  var colours = { party: "#08519c", uncertain: "#9ecae1", signatory: "#fdae6b", denounced: "#a50f15" };
  var none = "#e0e0e0";
  var width = 960, height = 480;

  d3.json(data.topology).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    var projection = d3.geoNaturalEarth1().fitSize([width, height], countries);
    var path = d3.geoPath(projection);
    var svg = d3.select(holder).append("svg").attr("class", "map-world")
      .attr("viewBox", "0 0 " + width + " " + height).attr("aria-hidden", "true").attr("focusable", "false");
    svg.append("g").selectAll("path").data(countries.features).join("path")
      .attr("d", path)
      .attr("data-m49", function (d) { return d.id; })
      .attr("data-status", function (d) { return data.statuses[d.id] || "none"; })
      .attr("fill", function (d) { return colours[data.statuses[d.id]] || none; })
      .attr("stroke", "#ffffff").attr("stroke-width", 0.5)
      .append("title").text(function (d) {
        var name = data.names[d.id] || (d.properties && d.properties.name) || d.id;
        var status = data.statuses[d.id];
        return name + ": " + (status ? data.labels.statuses[status] : data.labels.none);
      });
    drawLegend();
  });

  function drawLegend() {
    var legend = document.getElementById("status-legend");
    if (!legend) { return; }
    var items = Object.keys(colours).map(function (k) { return [colours[k], data.labels.statuses[k]]; });
    items.push([none, data.labels.none]);
    var list = d3.select(legend).append("ul").attr("class", "legend-list");
    var entry = list.selectAll("li").data(items).join("li");
    entry.append("span").attr("class", "swatch").style("background", function (d) { return d[0]; });
    entry.append("span").text(function (d) { return d[1]; });
  }
})();
