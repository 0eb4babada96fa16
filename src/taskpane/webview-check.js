/* global navigator, document */
// Plain ES5 on purpose, loaded before the pane's bundle: it must run where that bundle
// cannot, to show taskpane.html's explanation instead of a broken pane. The pane has no
// custom elements (plain HTML elements since issue 11) and its script is ES5, so legacy
// Edge (EdgeHTML, no customElements) runs it; Internet Explorer 11 (Trident) still gets the
// explanation: the pane's styles rest on CSS custom properties, which it lacks.
if (/Trident\//.test(navigator.userAgent)) {
  document.documentElement.className += " old-webview";
}
