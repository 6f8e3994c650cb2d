// Progressive enhancement of the "who they met" network: the server already drew it (the
// page reads fine without this script); here d3-force relaxes the layout and lets nodes be
// dragged. Links stay plain <a> elements, so a click still opens the actor's page.
(function () {
  "use strict";
  function enhance(svg) {
    if (!window.d3 || !d3.forceSimulation) return;
    var nodes = [], byId = {};
    svg.querySelectorAll("g.node").forEach(function (g) {
      var m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") || "");
      if (!m) return;
      var centre = !!g.querySelector("circle.centre");
      var n = {id: g.dataset.id, x: +m[1], y: +m[2], el: g,
               r: +(g.querySelector("circle").getAttribute("r") || 6)};
      if (centre) { n.fx = n.x; n.fy = n.y; }
      nodes.push(n); byId[n.id] = n;
    });
    var links = [];
    svg.querySelectorAll("line[data-source]").forEach(function (l) {
      var s = byId[l.dataset.source], t = byId[l.dataset.target];
      if (s && t) links.push({source: s, target: t, el: l});
    });
    var box = svg.viewBox.baseVal;
    function tick() {
      nodes.forEach(function (n) {
        n.x = Math.max(n.r + 2, Math.min(box.width - 60, n.x));
        n.y = Math.max(n.r + 2, Math.min(box.height - n.r - 2, n.y));
        n.el.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
      });
      links.forEach(function (l) {
        l.el.setAttribute("x1", l.source.x); l.el.setAttribute("y1", l.source.y);
        l.el.setAttribute("x2", l.target.x); l.el.setAttribute("y2", l.target.y);
      });
    }
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).distance(110).strength(0.2))
      .force("charge", d3.forceManyBody().strength(-220))
      .force("collide", d3.forceCollide().radius(function (n) { return n.r + 22; }))
      .alpha(0.3).on("tick", tick);
    // Dragging: pointer events on the node group; a drag suppresses the link's click.
    var dragging = null, moved = false;
    function point(ev) {
      var p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
      return p.matrixTransform(svg.getScreenCTM().inverse());
    }
    nodes.forEach(function (n) {
      n.el.addEventListener("pointerdown", function (ev) {
        dragging = n; moved = false; n.el.setPointerCapture(ev.pointerId);
        sim.alphaTarget(0.3).restart();
      });
      n.el.addEventListener("pointermove", function (ev) {
        if (dragging !== n) return;
        var p = point(ev); n.fx = p.x; n.fy = p.y; moved = true;
      });
      n.el.addEventListener("pointerup", function () {
        if (dragging !== n) return;
        dragging = null; sim.alphaTarget(0);
        if (!n.el.querySelector("circle.centre")) { n.fx = null; n.fy = null; }
      });
      n.el.addEventListener("click", function (ev) { if (moved) { ev.preventDefault(); moved = false; } });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("svg.network").forEach(enhance);
  });
})();
