/* global window, navigator, document */
// Plain ES5 on purpose, loaded before the pane's bundle: it must run where that bundle
// cannot (the Internet Explorer and legacy Edge webviews of some Office 2016/2019
// installs), to show taskpane.html's explanation instead of a broken pane.
if (!window.customElements || /Trident\//.test(navigator.userAgent)) {
  document.documentElement.className += " old-webview";
}
