// casefile's only script, served from this origin (no inline script is
// allowed). Pages work without it; it adds keyboard shortcuts to the link
// review queue: j / k move between pairs, a accepts, r rejects (with the
// reason typed in the pair's field), e moves to the reason field.
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  if (!queue) { return; }
  var pairs = Array.prototype.slice.call(queue.querySelectorAll(".pair"));
  if (pairs.length === 0) { return; }
  var current = 0;
  function select(i) {
    if (i < 0 || i >= pairs.length) { return; }
    pairs[current].classList.remove("current");
    current = i;
    pairs[current].classList.add("current");
    pairs[current].focus();
    pairs[current].scrollIntoView({ block: "nearest" });
  }
  function press(verdict) {
    var button = pairs[current].querySelector('button[value="' + verdict + '"]');
    if (button) { button.click(); }
  }
  select(0);
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (typing) {
      if (event.key === "Escape") { target.blur(); pairs[current].focus(); }
      return;
    }
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": press("accept"); break;
      case "r": press("reject"); break;
      case "e":
        var reason = pairs[current].querySelector('input[name="reason"]');
        if (reason) { reason.focus(); }
        break;
      default: return;
    }
    event.preventDefault();
  });
}());
