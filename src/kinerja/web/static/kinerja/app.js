/* kinerja: small behaviours shared by every page (no library).
   - a <select data-autosubmit> submits its form when changed (language, year, quarter). */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el && el.matches && el.matches("select[data-autosubmit]") && el.form) {
      el.form.submit();
    }
  });
})();
