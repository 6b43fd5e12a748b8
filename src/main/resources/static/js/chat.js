// The chat (the debtor's and the operator's): shows the latest message, and follows new ones as they arrive, unless
// the reader has scrolled up to read older ones. The page works without this script.
(function () {
  function latest() {
    var lines = document.querySelectorAll('[data-message]');
    return lines.length ? lines[lines.length - 1] : null;
  }
  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
  }
  document.addEventListener('DOMContentLoaded', function () {
    var last = latest();
    if (last && !document.querySelector('.alert-danger')) {
      last.scrollIntoView({ block: 'end' });
    }
  });
  var following = true;
  document.addEventListener('htmx:sseBeforeMessage', function (event) {
    // A message the page already shows (a stream opened again from the page's first address) is not added twice.
    var id = event.detail && event.detail.lastEventId;
    if (id && document.getElementById('m' + id)) {
      event.preventDefault();
      return;
    }
    following = nearBottom();
  });
  document.addEventListener('htmx:sseMessage', function () {
    var empty = document.getElementById('chat-empty');
    if (empty) {
      empty.remove();
    }
    var last = latest();
    if (last && following) {
      last.scrollIntoView({ block: 'end', behavior: 'smooth' });
    }
  });
})();
