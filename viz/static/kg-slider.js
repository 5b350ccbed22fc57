/* A time slider for the graph views: moving it sets the form's `as_of` to the end of the chosen year (the far right
   end: no date, the graph as known now) and reloads the view, so the graph shows what was stated by then. */
(function () {
  "use strict";
  var input = document.querySelector("form.kg-form input[name=as_of]");
  if (!input) return;
  var form = input.form;
  var now = new Date().getFullYear();
  var first = 1991;  // the Central Asian states' independence: nothing in the graph is older
  var label = document.createElement("label");
  label.className = "kg-slider";
  var caption = document.createElement("span");
  var slider = document.createElement("input");
  slider.type = "range";
  slider.id = "kg-time-slider";
  slider.min = String(first);
  slider.max = String(now + 1);
  slider.step = "1";
  slider.style.minWidth = "12rem";
  var current = input.value ? parseInt(input.value.slice(0, 4), 10) : now + 1;
  slider.value = String(Math.min(Math.max(current, first), now + 1));
  slider.setAttribute("aria-label", "the graph as known at the end of a year");
  function describe() {
    var y = parseInt(slider.value, 10);
    caption.textContent = y > now ? "Time: now" : "Time: end of " + y;
  }
  describe();
  slider.addEventListener("input", describe);
  slider.addEventListener("change", function () {
    var y = parseInt(slider.value, 10);
    input.value = y > now ? "" : y + "-12-31";
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
  label.appendChild(caption);
  label.appendChild(slider);
  input.parentNode.parentNode.insertBefore(label, input.parentNode.nextSibling);
})();
