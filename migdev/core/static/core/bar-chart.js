/* A horizontal bar chart any room can reuse: every element with `data-bar-chart="ID"` is drawn from the json_script
   #ID, a list of {label, value}; `data-unit` names what is counted (shown in the tooltips). Drawn at the box's own
   width (redrawn when it changes), so text keeps its size on any screen; the figures are in a table beside it. */
(function () {
  "use strict";
  if (!window.d3) { return; }
  var lang = document.documentElement.lang || "en";
  var number = new Intl.NumberFormat(lang);

  function chart(holder) {
    var source = document.getElementById(holder.getAttribute("data-bar-chart"));
    if (!source) { return; }
    var rows = JSON.parse(source.textContent);
    if (!rows.length) { return; }
    var unit = holder.getAttribute("data-unit") || "";
    var drawn = 0;
    function draw() {
      var width = Math.max(240, Math.floor(holder.clientWidth));
      if (width === drawn) { return; }
      drawn = width;
      d3.select(holder).selectAll("svg").remove();
      var labelWidth = Math.min(260, Math.floor(width * 0.45));
      var margin = { top: 24, right: 40, bottom: 8, left: labelWidth };
      var bar = 18, gap = 6;
      var height = margin.top + rows.length * (bar + gap) + margin.bottom;
      var top = d3.max(rows, function (r) { return r.value; }) || 1;
      var x = d3.scaleLinear().domain([0, top]).nice().range([margin.left, width - margin.right]);
      var svg = d3.select(holder).append("svg").attr("width", width).attr("height", height)
        .attr("viewBox", "0 0 " + width + " " + height).attr("aria-hidden", "true").attr("focusable", "false");
      svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (margin.top - 4) + ")")
        .call(d3.axisTop(x).ticks(Math.max(2, Math.min(top, Math.floor(width / 90)))).tickFormat(d3.format("d")));
      var row = svg.append("g").selectAll("g").data(rows).join("g")
        .attr("transform", function (r, i) { return "translate(0," + (margin.top + i * (bar + gap)) + ")"; });
      row.append("text").attr("x", margin.left - 6).attr("y", bar - 5).attr("text-anchor", "end")
        .text(function (r) { return r.label.length > 40 ? r.label.slice(0, 39) + "…" : r.label; });
      row.append("rect").attr("x", x(0)).attr("height", bar).attr("fill", "#0b4f8a")
        .attr("width", function (r) { return Math.max(1, x(r.value) - x(0)); })
        .append("title").text(function (r) { return r.label + ": " + number.format(r.value) + " " + unit; });
      row.append("text").attr("class", "value").attr("x", function (r) { return x(r.value) + 4; })
        .attr("y", bar - 5).text(function (r) { return number.format(r.value); });
    }
    draw();
    if (window.ResizeObserver) { new ResizeObserver(draw).observe(holder); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-bar-chart]"), chart);
})();
