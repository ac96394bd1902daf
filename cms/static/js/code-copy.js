/* Code blocks: a « Copier » button, as on the old documentation site. Progressive enhancement:
   without JavaScript (or without the Clipboard API) the code stays plain, selectable text.
   The labels come from the block's data attributes (translated by the template); the result is
   announced in a polite live region beside the button. */
(function () {
  "use strict";

  function enhance(figure) {
    var code = figure.querySelector("pre code");
    if (!code || figure.querySelector(".code__copy")) { return; }
    var bar = document.createElement("div");
    bar.className = "code__tools";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "code__copy";
    button.textContent = figure.getAttribute("data-copy-label");
    var status = document.createElement("span");
    status.className = "code__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var timer = null;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        status.textContent = figure.getAttribute("data-copied-label");
      }, function () {
        status.textContent = figure.getAttribute("data-copy-failed-label");
      }).then(function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { status.textContent = ""; }, 4000);
      });
    });
    bar.appendChild(button);
    bar.appendChild(status);
    figure.insertBefore(bar, figure.querySelector("pre"));
  }

  function init() {
    if (!navigator.clipboard || !window.isSecureContext) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("figure.code[data-copy-label]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
