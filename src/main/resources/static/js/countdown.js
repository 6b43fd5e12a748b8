// Counts down the seconds until another code may be asked for ([data-countdown] inside a form), then enables the
// form's button and hides the wait. The server decides the wait and refuses a request made before it is over.
(function () {
  document.querySelectorAll('[data-countdown]').forEach(function (wait) {
    if (wait.dataset.started) {
      return;
    }
    wait.dataset.started = 'yes';
    var deadline = Date.now() + parseInt(wait.getAttribute('data-countdown'), 10) * 1000;
    var seconds = wait.querySelector('.countdown-seconds');
    var button = wait.closest('form').querySelector('button');
    function tick() {
      var left = Math.ceil((deadline - Date.now()) / 1000);
      if (left <= 0) {
        wait.hidden = true;
        button.disabled = false;
        return;
      }
      seconds.textContent = String(left);
      setTimeout(tick, 250);
    }
    tick();
  });
})();
