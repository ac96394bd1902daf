/* Tabs block: progressive enhancement. Without JavaScript every panel shows under its heading.
   With it, the headings become an ARIA tab list (WAI-ARIA Authoring Practices, automatic activation):
   Left/Right move between tabs, Home/End jump to the first/last, Tab goes into the panel. */
(function () {
  "use strict";
  var counter = 0;

  function enhance(container) {
    var panels = Array.prototype.slice.call(container.querySelectorAll(":scope > .tabs__panel"));
    if (panels.length < 2) { return; }
    var prefix = "tabs-" + (++counter);
    var list = document.createElement("div");
    list.className = "tabs__list";
    list.setAttribute("role", "tablist");
    var tabs = panels.map(function (panel, index) {
      var label = panel.querySelector(".tabs__label");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "tabs__tab";
      tab.id = prefix + "-tab-" + index;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", prefix + "-panel-" + index);
      tab.textContent = label ? label.textContent : String(index + 1);
      panel.id = prefix + "-panel-" + index;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.setAttribute("tabindex", "0");
      if (label) { label.classList.add("visually-hidden"); }
      list.appendChild(tab);
      return tab;
    });

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute("aria-selected", selected ? "true" : "false");
        tab.tabIndex = selected ? 0 : -1;
        panels[i].hidden = !selected;
      });
      if (focus) { tabs[index].focus(); }
    }

    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { select(index, false); });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight") { next = (index + 1) % tabs.length; }
        else if (event.key === "ArrowLeft") { next = (index - 1 + tabs.length) % tabs.length; }
        else if (event.key === "Home") { next = 0; }
        else if (event.key === "End") { next = tabs.length - 1; }
        if (next !== null) { event.preventDefault(); select(next, true); }
      });
    });
    container.insertBefore(list, panels[0]);
    container.classList.add("tabs--enhanced");
    select(0, false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".tabs"), enhance);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
