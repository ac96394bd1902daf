// Dismissible site notices: the "hide" button only exists with JavaScript; a hidden notice stays
// hidden on every page of this browser (by its translation key, so in both languages).
(function () {
  var KEY = "studiobib-hidden-notices";
  var hidden;
  try { hidden = JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { hidden = []; }
  document.querySelectorAll(".site-notice[data-notice]").forEach(function (notice) {
    var id = notice.getAttribute("data-notice");
    if (hidden.indexOf(id) !== -1) { notice.hidden = true; return; }
    var button = notice.querySelector(".site-notice__close");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      notice.hidden = true;
      hidden.push(id);
      try { localStorage.setItem(KEY, JSON.stringify(hidden)); } catch (e) { /* private mode: hidden for this page only */ }
    });
  });
})();
