/* Grouped bar chart of the survey's motives by group, from the #survey-data json_script; drawn at the box's width. */
(function () {
  "use strict";
  var holder = document.getElementById("survey-chart");
  var source = document.getElementById("survey-data");
  if (!holder || !source || !window.d3) { return; }
  var data = JSON.parse(source.textContent);
  var colors = d3.schemeTableau10;
  var drawn = 0;
  function draw() {
    var width = Math.max(240, Math.floor(holder.clientWidth));
    if (width === drawn) { return; }
    drawn = width;
    d3.select(holder).selectAll("*").remove();
    var rowHeight = 14 * data.series.length + 10, margin = { top: 8, right: 16, bottom: 28, left: 110 };
    var height = margin.top + margin.bottom + rowHeight * data.groups.length;
    var svg = d3.select(holder).append("svg").attr("width", width).attr("height", height).attr("aria-hidden", "true");
    var x = d3.scaleLinear().domain([0, 100]).range([margin.left, width - margin.right]);
    var y = d3.scaleBand().domain(data.groups).range([margin.top, height - margin.bottom]).padding(0.1);
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")").call(d3.axisBottom(x).ticks(width < 400 ? 4 : 5))
      .attr("font-size", 12)
      .append("text").attr("x", width - margin.right).attr("y", 24).attr("text-anchor", "end").attr("fill", "currentColor").text(data.labels.percent);
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)").call(d3.axisLeft(y)).attr("font-size", 12);
    data.series.forEach(function (serie, s) {
      svg.append("g").selectAll("rect").data(serie.values).join("rect")
        .attr("x", x(0)).attr("y", function (d, i) { return y(data.groups[i]) + 4 + s * 14; })
        .attr("height", 12).attr("width", function (d) { return x(d) - x(0); }).attr("fill", colors[s % 10])
        .append("title").text(function (d) { return serie.label + ": " + d + " %"; });
    });
    var legend = d3.select(holder).append("ul").attr("class", "legend-items");
    var item = legend.selectAll("li").data(data.series).join("li");
    item.append("span").attr("class", "swatch").style("background", function (d, i) { return colors[i % 10]; });
    item.append("span").text(function (d) { return d.label; });
  }
  draw();
  if (window.ResizeObserver) { new ResizeObserver(draw).observe(holder); }
})();
