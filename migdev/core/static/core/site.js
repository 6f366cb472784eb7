// Behaviour of every page, kept out of the HTML so the Content-Security-Policy can forbid inline script.
document.addEventListener("DOMContentLoaded", () => {
  // The language menu changes the language as soon as a language is picked.
  const languageSelect = document.getElementById("language-select");
  if (languageSelect && languageSelect.form) {
    languageSelect.addEventListener("change", () => languageSelect.form.submit());
  }
});
