/* Panorama block: without JavaScript (or WebGL) readers see the still photo and its caption.
   With them, Photo Sphere Viewer (installed from npm by `make install`, served from our own
   static files) replaces the photo. The viewer is one tab stop: once focused, arrow keys turn the
   view and + / - zoom; its toolbar buttons (zoom, move, fullscreen) carry translated labels. */
(function () {
  "use strict";

  function addStylesheet(href) {
    if (document.querySelector('link[data-panorama-css]')) { return; }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.setAttribute("data-panorama-css", "");
    document.head.appendChild(link);
  }

  function start(figure, library) {
    var data = figure.dataset;
    var still = figure.querySelector(".panorama__still");
    var container = document.createElement("div");
    container.className = "panorama__viewer";
    container.tabIndex = 0;
    container.setAttribute("role", "application");
    container.setAttribute("aria-roledescription", data.labelApplication);
    container.setAttribute("aria-label", still ? still.alt : data.labelApplication);
    var help = document.createElement("p");
    help.className = "visually-hidden";
    help.id = figure.id + "-help";
    help.textContent = data.labelHelp;
    container.setAttribute("aria-describedby", help.id);
    figure.insertBefore(container, figure.firstChild);
    figure.insertBefore(help, container.nextSibling);
    var viewer;
    try {
      viewer = new library.Viewer({
        container: container,
        panorama: data.src,
        navbar: ["zoom", "move", "fullscreen"],
        keyboard: false,
        lang: {
          zoom: data.labelZoom, zoomIn: data.labelZoomIn, zoomOut: data.labelZoomOut,
          moveUp: data.labelMoveUp, moveDown: data.labelMoveDown, moveLeft: data.labelMoveLeft,
          moveRight: data.labelMoveRight, move: data.labelMove, fullscreen: data.labelFullscreen,
          loading: data.labelLoading, loadError: data.labelError, webglError: data.labelError
        }
      });
    } catch (error) {
      container.remove();
      help.remove();
      return;
    }
    // The toolbar's buttons are focusable <div>s with a title: give them a role and a name, and
    // let Space press them as it presses a button.
    Array.prototype.forEach.call(container.querySelectorAll(".psv-button[tabindex]"), function (control) {
      control.setAttribute("role", "button");
      if (control.title) { control.setAttribute("aria-label", control.title); }
      control.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); control.click(); }
      });
    });
    if (still) { still.hidden = true; }
    figure.classList.add("panorama--enhanced");
    // Keys turn the view only while the viewer has focus, never the whole page.
    container.addEventListener("focus", function () { viewer.startKeyboardControl(); });
    container.addEventListener("blur", function () { viewer.stopKeyboardControl(); });
    figure.panoramaViewer = viewer;
  }

  function init() {
    var figures = document.querySelectorAll("[data-panorama][data-src]");
    if (!figures.length) { return; }
    var first = figures[0].dataset;
    addStylesheet(first.viewerCss);
    import(first.viewerModule).then(function (library) {
      Array.prototype.forEach.call(figures, function (figure) { start(figure, library); });
    }, function () { /* the still photos stay */ });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
