/* The pages' filter forms: a field left empty is left out of the URL rather than sent empty (the pages take the
   API's own parameters, and the API refuses `as_of=` or `since=`), so a form with no dates shows the graph as known
   now, and a shared URL carries only the filters that were set. */
(function () {
  "use strict";
  document.querySelectorAll("form.kg-form").forEach(function (form) {
    form.addEventListener("formdata", function (ev) {
      var empty = [];
      ev.formData.forEach(function (value, key) { if (value === "") empty.push(key); });
      empty.forEach(function (key) { ev.formData.delete(key); });
    });
  });
})();
