// Sends Spring Security's CSRF token with every htmx request (the token is in the page's meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// A field that belongs to a choice checks it when typed in (data-plan-mode: the radio's id), so that the plan
// calculator's Enter counts by the field he typed in.
document.addEventListener('input', function (event) {
  var target = event.target;
  var choice = target && target.dataset && target.dataset.planMode && document.getElementById(target.dataset.planMode);
  if (choice) {
    choice.checked = true;
  }
});
