// French for the two texts wagtail-localize's editor script writes without gettext (see
// pages/translation/admin_wording.py): the section title "<source> to <target> translation" and the
// "More actions" label of the footer menu. The French comes, translated, from the script tag.
(function () {
  "use strict";
  const script = document.currentScript;
  const editorTitle = script.dataset.editorTitle;
  const moreActions = script.dataset.moreActions;
  const TITLE = /^(.+) to (.+) translation$/;

  function reword(root) {
    root.querySelectorAll("h3").forEach(function (heading) {
      const match = TITLE.exec(heading.textContent);
      if (match) {
        heading.textContent = editorTitle.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
      }
    });
    root.querySelectorAll(".w-sr-only").forEach(function (label) {
      if (label.textContent === "More actions") {
        label.textContent = moreActions;
      }
    });
  }

  function start() {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) {
      return;
    }
    reword(editor.parentNode);
    new MutationObserver(function () {
      reword(editor.parentNode);
    }).observe(editor.parentNode, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
