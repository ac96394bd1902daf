/* Carousel block: progressive enhancement. Without JavaScript every photo shows in a list.
   With it, one photo at a time; "previous" and "next" are real buttons, Left/Right arrows work
   inside the carousel, and a polite live region says "Photo 2 sur 5". It never moves on its own
   unless the editor turned autoplay on; then a visible pause button stops it, and it does not
   start for readers who asked for reduced motion. Labels come from data- attributes (translated). */
(function () {
  "use strict";
  var INTERVAL = 6000;

  function button(className, label, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "carousel__button " + className;
    b.setAttribute("aria-label", label);
    b.innerHTML = '<span aria-hidden="true"></span>';
    b.firstChild.textContent = text;
    return b;
  }

  function enhance(root) {
    var slides = Array.prototype.slice.call(root.querySelectorAll(".carousel__slide"));
    if (slides.length < 2) { return; }
    var data = root.dataset;
    var current = 0;
    var timer = null;
    var controls = document.createElement("div");
    controls.className = "carousel__controls";
    var previous = button("carousel__previous", data.labelPrevious, "‹");
    var next = button("carousel__next", data.labelNext, "›");
    var status = document.createElement("p");
    status.className = "carousel__status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    controls.appendChild(previous);
    controls.appendChild(status);
    controls.appendChild(next);
    var pause = null;

    function show(index, announce) {
      current = (index + slides.length) % slides.length;
      slides.forEach(function (slide, i) {
        slide.hidden = i !== current;
        slide.setAttribute("aria-label", data.labelStatus.replace("{current}", i + 1).replace("{total}", slides.length));
      });
      var text = data.labelStatus.replace("{current}", current + 1).replace("{total}", slides.length);
      // The live region speaks only after a reader's action (or autoplay when the reader left it on).
      status.setAttribute("aria-live", announce ? "polite" : "off");
      status.textContent = text;
    }

    // Autoplay (only when the editor turned it on): the pause button is the reader's choice;
    // focus inside the carousel (other than on that button) holds it until focus leaves.
    var paused = false;

    function halt() {
      if (timer) { window.clearInterval(timer); timer = null; }
    }

    function run() {
      if (pause && !paused && !timer) {
        timer = window.setInterval(function () { show(current + 1, false); }, INTERVAL);
      }
    }

    function setPaused(value) {
      paused = value;
      if (!pause) { return; }
      pause.setAttribute("aria-label", paused ? data.labelPlay : data.labelPause);
      pause.setAttribute("aria-pressed", paused ? "true" : "false");
      pause.firstChild.textContent = paused ? "▶" : "❚❚";
      if (paused) { halt(); } else { run(); }
    }

    previous.addEventListener("click", function () { setPaused(true); show(current - 1, true); });
    next.addEventListener("click", function () { setPaused(true); show(current + 1, true); });
    root.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { setPaused(true); show(current - 1, true); event.preventDefault(); }
      if (event.key === "ArrowRight") { setPaused(true); show(current + 1, true); event.preventDefault(); }
    });

    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (data.autoplay === "true") {
      pause = button("carousel__pause", data.labelPause, "❚❚");
      controls.appendChild(pause);
      pause.addEventListener("click", function () { setPaused(!paused); });
      root.addEventListener("focusin", function (event) { if (event.target !== pause) { halt(); } });
      root.addEventListener("focusout", function (event) {
        if (!root.contains(event.relatedTarget)) { run(); }
      });
    }
    root.insertBefore(controls, root.firstChild);
    root.classList.add("carousel--enhanced");
    show(0, false);
    setPaused(reduced);
  }

  function enhanceInteractive(root) {
    var spots = Array.prototype.slice.call(root.querySelectorAll(".interactive-image__spot"));
    spots.forEach(function (spot) {
      spot.style.left = parseFloat(spot.dataset.x) + "%";
      spot.style.top = parseFloat(spot.dataset.y) + "%";
      spot.hidden = false;
      spot.addEventListener("click", function () {
        var on = spot.getAttribute("aria-pressed") !== "true";
        spots.forEach(function (other) {
          other.setAttribute("aria-pressed", "false");
          var item = document.getElementById(other.getAttribute("aria-controls"));
          if (item) { item.classList.remove("is-active"); }
        });
        if (on) {
          spot.setAttribute("aria-pressed", "true");
          var item = document.getElementById(spot.getAttribute("aria-controls"));
          if (item) { item.classList.add("is-active"); }
        }
      });
    });
    root.classList.add("interactive-image--enhanced");
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-carousel]"), enhance);
    Array.prototype.forEach.call(document.querySelectorAll("[data-interactive-image]"), enhanceInteractive);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
