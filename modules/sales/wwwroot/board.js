// Drag and drop on the deal board. Without this script every card still has its own move form.
(function () {
  const board = document.querySelector('[data-board]');
  if (!board) return;
  const status = document.querySelector('[data-board-status]');
  const dialog = document.querySelector('[data-loss-dialog]');
  const token = () => (document.querySelector('input[name="__RequestVerificationToken"]') || {}).value || '';
  let dragged = null;

  board.addEventListener('dragstart', e => {
    const card = e.target.closest('[data-deal]');
    if (!card) return;
    dragged = card;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', card.dataset.deal);
  });
  board.addEventListener('dragover', e => {
    if (dragged && e.target.closest('[data-stage]')) e.preventDefault();
  });
  board.addEventListener('drop', async e => {
    const column = e.target.closest('[data-stage]');
    if (!dragged || !column) return;
    e.preventDefault();
    const card = dragged;
    dragged = null;
    if (card.closest('[data-stage]') === column) return;
    const move = { stageId: Number(column.dataset.stage), version: Number(card.dataset.version) };
    if (column.dataset.kind === 'Lost') {
      const reason = await askReason();
      if (!reason) return;
      Object.assign(move, reason);
    }
    const response = await fetch('/api/v1/sales/deals/' + card.dataset.deal + '/move', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token() },
      body: JSON.stringify(move)
    });
    if (!response.ok) {
      status.textContent = board.dataset.failed + ' ' + await problem(response);
      return;
    }
    const from = card.closest('[data-stage]');
    card.dataset.version = String(move.version + 1);
    card.querySelectorAll('input[name="version"]').forEach(i => i.value = card.dataset.version);
    card.querySelectorAll('select[name="stageId"]').forEach(s => s.value = String(move.stageId));
    count(from, -1);
    count(column, +1);
    if (column.dataset.kind === 'Open') column.querySelector('.board-cards').prepend(card);
    else card.remove();
    status.textContent = '';
  });

  function count(column, delta) {
    const badge = column.querySelector('[data-count]');
    badge.textContent = String(Number(badge.textContent) + delta);
  }

  function askReason() {
    return new Promise(resolve => {
      dialog.returnValue = '';
      dialog.showModal();
      dialog.addEventListener('close', () => {
        if (dialog.returnValue !== 'ok') return resolve(null);
        resolve({
          lossReasonId: Number(dialog.querySelector('[data-loss-reason]').value),
          lossNote: dialog.querySelector('[data-loss-note]').value || null
        });
      }, { once: true });
    });
  }

  async function problem(response) {
    try {
      const body = await response.json();
      if (body.errors) return Object.values(body.errors).flat().join(' ');
      return body.detail || body.title || String(response.status);
    } catch { return String(response.status); }
  }
})();
