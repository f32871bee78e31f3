// The simulated payment provider's checkout (local host only): each button posts to the provider's own endpoint, which
// calls the platform back with a signed event and relays the platform's answer; the page shows it.
const main = document.getElementById('main');
const outcome = main.querySelector('.psp-outcome');
const buttons = [...main.querySelectorAll('button[data-action]')];

const words = {
  pay: 'Betaald: de betaalprovider heeft het platform verwittigd. / Paid: the provider told the platform.',
  fail: 'Mislukt: de betaalprovider heeft het platform verwittigd. / Failed: the provider told the platform.',
  refused: 'Het platform weigerde het bericht / The platform refused the message',
  network: 'Het platform is niet bereikbaar. / The platform cannot be reached.',
};

async function send(action) {
  buttons.forEach(b => { b.disabled = true; });
  outcome.replaceChildren();
  try {
    const response = await fetch(`${main.dataset.checkout}/${action}`, { method: 'POST', credentials: 'omit' });
    const answer = await response.json().catch(() => ({}));
    const text = response.ok
      ? `${words[action]} (${answer.handling ?? response.status})`
      : `${words.refused}: ${answer.detail ?? answer.title ?? response.status}`;
    const box = document.createElement('div');
    box.className = `notice ${response.ok ? 'notice-success' : 'notice-error'}`;
    box.textContent = text;
    outcome.append(box);
    if (!response.ok) {
      buttons.forEach(b => { b.disabled = false; });
    }
  } catch {
    outcome.textContent = words.network;
    buttons.forEach(b => { b.disabled = false; });
  }
}

buttons.forEach(button => button.addEventListener('click', () => send(button.dataset.action)));
