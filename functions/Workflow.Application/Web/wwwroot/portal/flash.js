// A message from one view to the next within this page (the submission's answer shown on the application's page).
const messages = new Map();

export function setFlash(applicationId, message) {
  messages.set(applicationId, message);
}

/** The message left for this application, once. */
export function takeFlash(applicationId) {
  const message = messages.get(applicationId);
  messages.delete(applicationId);
  return message ?? null;
}
