// An example host page: sizes each embedded Chainstep diagram from its
// `resize` messages, and drives the second one by postMessage (CONTRACTS §6).
(function () {
  'use strict';
  var frames = Array.prototype.slice.call(document.querySelectorAll('iframe'));
  var branch = document.getElementById('diagram-branch');
  var status = document.getElementById('host-status');
  var current = 0;

  function send(frame, message) {
    message.source = 'chainstep';
    frame.contentWindow.postMessage(message, '*');
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'chainstep') return;
    var frame = frames.find(function (f) { return f.contentWindow === event.source; });
    if (!frame) return;
    if (data.type === 'resize' && typeof data.height === 'number') {
      frame.style.height = Math.min(Math.max(data.height, 200), 2000) + 'px';
    }
    if (frame === branch && data.type === 'state') {
      current = data.step;
      var x = data.nodes.find(function (n) { return n.label === 'x'; });
      status.textContent = 'step ' + data.step + ' (' + data.phase + ')' + (x && x.grad !== null ? ', ∂f/∂x so far = ' + x.grad : '');
      status.setAttribute('data-step', String(data.step));
    }
  });

  document.getElementById('host-next').addEventListener('click', function () { send(branch, { type: 'goToStep', step: current + 1 }); });
  document.getElementById('host-prev').addEventListener('click', function () { send(branch, { type: 'goToStep', step: Math.max(0, current - 1) }); });
  document.getElementById('host-end').addEventListener('click', function () { send(branch, { type: 'goToStep', step: 'end' }); });
  document.getElementById('host-program').addEventListener('click', function () {
    send(branch, { type: 'setProgram', program: 'x = 3\nf = x * x' });
  });
})();
